package org.cityos.benchmarks.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.GeocodingNoise.NoisyQuery;
import org.cityos.spatial.StandardAddress;
import org.junit.jupiter.api.Test;

class TopOneTallyTest {
    private static final AddressEntry UNIT_2 = entry(1, "2");
    private static final AddressEntry UNIT_3 = entry(2, "3");

    @Test
    void countsLenientAndStrictAnswersSeparately() {
        TopOneTally tally = new TopOneTally(5);

        tally.add(new NoisyQuery("兴华大街88号院3号楼2单元", UNIT_2, false), UNIT_2); // right, exact
        tally.add(new NoisyQuery("兴华大街88号院3号楼", UNIT_2, true), UNIT_3); // unit left out: another unit is right
        tally.add(new NoisyQuery("兴华大街88号院3号楼2单元", UNIT_2, false), UNIT_3); // wrong unit given
        tally.add(new NoisyQuery("兴华大街88号院3号楼2单元", UNIT_2, false), null); // nothing found

        assertThat(tally.total()).isEqualTo(4);
        assertThat(tally.accuracy()).isEqualTo(0.5);
        assertThat(tally.strictAccuracy()).isEqualTo(0.25);
        assertThat(tally.partDropped()).isEqualTo(1);
        assertThat(tally.missed()).isEqualTo(2);
        assertThat(tally.misses()).hasSize(2).last().asString().contains("nothing");
    }

    @Test
    void keepsOnlyTheFirstMissesAndSaysNothingBeforeAnyQuery() {
        TopOneTally tally = new TopOneTally(1);
        assertThat(tally.accuracy()).isNaN();

        tally.add(new NoisyQuery("a", UNIT_2, false), UNIT_3);
        tally.add(new NoisyQuery("b", UNIT_2, false), UNIT_3);

        assertThat(tally.misses()).hasSize(1).first().asString().startsWith("a → ");
        assertThat(tally.accuracy()).isZero();
    }

    private static AddressEntry entry(long id, String unit) {
        StandardAddress address = new StandardAddress("大兴区", "兴丰街道", null, "兴华大街", "88", "88号院", "3", unit, null);
        return new AddressEntry(
                id, address, new GeoPoint(116.33, 39.72), 7, "110115001000", "110115001000", null, true, null);
    }
}
