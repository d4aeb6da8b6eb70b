package org.cityos.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.cityos.benchmarks.ingest.AckLedger;
import org.junit.jupiter.api.Test;

class StoredReadingsTest {
    @Test
    void lostIsAckedButNotStoredAndInFlightMessagesAreNotLoss() {
        AckLedger ledger = new AckLedger(2);
        ledger.record(0, 0);
        ledger.record(0, 1);
        ledger.record(1, 0);
        BitSet device0 = new BitSet();
        device0.set(0);
        device0.set(1);
        device0.set(2); // stored, but its PUBACK never arrived: in flight at the kill
        BitSet device1 = new BitSet(); // its acked message 0 is missing: lost
        StoredReadings stored = new StoredReadings(new BitSet[] {device0, device1}, 4, 3);

        StoredReadings.Comparison c = stored.against(ledger, new long[] {3, 2});

        assertThat(c.acked()).isEqualTo(3);
        assertThat(c.lost()).isEqualTo(1);
        assertThat(c.storedWithoutAck()).isEqualTo(1);
        assertThat(c.stored()).isEqualTo(3);
        assertThat(c.duplicates()).isEqualTo(1);
    }
}
