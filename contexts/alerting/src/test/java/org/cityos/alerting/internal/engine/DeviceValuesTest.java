package org.cityos.alerting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import org.cityos.alerting.internal.expr.VarType;
import org.junit.jupiter.api.Test;

class DeviceValuesTest {
    private static final long HOUR = 3_600_000;

    private static DeviceValues values() {
        LinkedHashMap<String, VarType> p = new LinkedHashMap<>();
        p.put("level", VarType.NUMBER);
        p.put("state", VarType.TEXT);
        p.put("battery", VarType.NUMBER);
        return new DeviceValues(new TypeFacts("gauge", p));
    }

    @Test
    void startsMissingAndKeepsEachPropertyApart() {
        DeviceValues v = values();
        assertThat(v.number(0)).isNaN();
        assertThat(v.text(1)).isNull();
        assertThat(v.seen(2)).isZero();
        assertThat(v.rate(0)).isNaN();
        assertThat(v.put(0, 1.5, null, 10)).isTrue();
        assertThat(v.put(1, Double.NaN, "open", 20)).isTrue();
        assertThat(v.number(0)).isEqualTo(1.5);
        assertThat(v.text(1)).isEqualTo("open");
        assertThat(v.number(2)).isNaN();
        assertThat(v.seen(0)).isEqualTo(10);
        assertThat(v.lastSeen()).isEqualTo(20);
    }

    @Test
    void refusesAReadingOlderThanTheHeldOne() {
        DeviceValues v = values();
        v.put(0, 2.0, null, HOUR);
        assertThat(v.put(0, 9.0, null, HOUR - 1)).isFalse();
        assertThat(v.number(0)).isEqualTo(2.0);
        assertThat(v.seen(0)).isEqualTo(HOUR);
    }

    @Test
    void rateAndDeltaAgainstThePreviousValue() {
        DeviceValues v = values();
        v.put(0, 2.0, null, HOUR);
        assertThat(v.rate(0)).isNaN(); // one value only
        v.put(0, 5.0, null, 3 * HOUR);
        assertThat(v.rate(0)).isEqualTo(1.5);
        assertThat(v.delta(0)).isEqualTo(3.0);
        v.put(0, -0.0, null, 4 * HOUR);
        assertThat(Double.doubleToRawLongBits(v.number(0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void aTextCanBeClearedAgain() {
        DeviceValues v = values();
        v.put(1, Double.NaN, "open", 1);
        v.put(1, Double.NaN, null, 2);
        assertThat(v.text(1)).isNull();
    }
}
