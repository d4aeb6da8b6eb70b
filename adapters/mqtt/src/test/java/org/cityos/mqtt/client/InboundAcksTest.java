package org.cityos.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundAcksTest {
    private final List<Integer> sent = new ArrayList<>();
    private final InboundAcks acks = new InboundAcks(sent::add);

    @Test
    void pubAcksLeaveInArrivalOrderWhateverTheOrderOfDone() {
        Object first = acks.received(11);
        Object second = acks.received(12);
        Object third = acks.received(13);

        assertThat(acks.done(third)).isZero();
        assertThat(acks.done(second)).isZero();
        assertThat(sent).isEmpty();
        assertThat(acks.done(first)).isEqualTo(3);
        assertThat(sent).containsExactly(11, 12, 13);
        assertThat(acks.outstanding()).isZero();
    }

    @Test
    void doneTwiceSendsOnce() {
        Object only = acks.received(7);
        acks.done(only);
        acks.done(only);
        assertThat(sent).containsExactly(7);
    }

    @Test
    void afterTheConnectionIsGoneNothingIsSent() {
        Object pending = acks.received(5);
        acks.clear();
        assertThat(acks.done(pending)).isZero();
        assertThat(sent).isEmpty();
    }
}
