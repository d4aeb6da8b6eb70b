package org.cityos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckLedgerTest {
    @Test
    void remembersEachDevicesAcknowledgedSequencesOnce() {
        AckLedger ledger = new AckLedger(3);
        ledger.record(0, 0);
        ledger.record(0, 2);
        ledger.record(0, 2);
        ledger.record(2, 5);

        assertThat(ledger.isAcked(0, 2)).isTrue();
        assertThat(ledger.isAcked(0, 1)).isFalse();
        assertThat(ledger.count(0)).isEqualTo(2);
        assertThat(ledger.count(1)).isZero();
        assertThat(ledger.total()).isEqualTo(3);
    }
}
