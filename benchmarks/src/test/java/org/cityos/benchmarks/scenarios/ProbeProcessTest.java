package org.cityos.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ProbeProcessTest {
    @Test
    void crossingsComeBackFromTheProbesLineAsTheyLeft() throws Exception {
        Histogram[] h = new Histogram[7];
        for (int i = 0; i < h.length; i++) {
            h[i] = new Histogram(3);
            h[i].recordValue(1_000L * (i + 1));
        }
        AlarmProbe.Crossings sent =
                new AlarmProbe.Crossings(h[0], h[1], h[2], h[3], h[4], h[5], h[6], 200, 1, 2, 3, 17, 61.5, "a b");
        AlarmProbe.Crossings back = ProbeProcess.decode(ProbeProcess.encode(sent));
        assertThat(back.attempted()).isEqualTo(200);
        assertThat(back.missedPoll()).isEqualTo(1);
        assertThat(back.missedStream()).isEqualTo(2);
        assertThat(back.missedCase()).isEqualTo(3);
        assertThat(back.listedBeforeAck()).isEqualTo(17);
        assertThat(back.seconds()).isEqualTo(61.5);
        assertThat(back.firstError()).isEqualTo("a b");
        assertThat(back.dispatched().getMaxValue()).isEqualTo(h[6].getMaxValue());
        assertThat(back.acked().getMaxValue()).isEqualTo(h[2].getMaxValue());
    }
}
