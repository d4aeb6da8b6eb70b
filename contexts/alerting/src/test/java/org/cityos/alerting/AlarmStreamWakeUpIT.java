package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The stream does not wait for its poll when this node itself appended to the feed: with the poll set to an hour,
 * an alarm event committed here still reaches the subscriber.
 */
class AlarmStreamWakeUpIT {
    static NotifyFixture f;
    static MockMvc mvc;

    @BeforeAll
    static void start() {
        f = new NotifyFixture(Map.of("cityos.alerting.notify.stream.poll", "1h"));
        mvc = f.mvc(new org.cityos.kernel.access.Actor[] {NotifyFixture.OPERATOR});
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aLocalCommitWakesTheStreamWithoutWaitingForThePoll() throws Exception {
        MvcResult stream = mvc.perform(get("/api/alerting/stream").header("Accept", "text/event-stream"))
                .andExpect(request().asyncStarted())
                .andReturn();
        AlarmFacts alarm = NotifyFixture.alarm(Severity.RED, NotifyFixture.IN_WEST, RuleId.random());
        f.publish(new AlarmRaised(alarm, null, null, f.clock.instant()));
        f.deliverEvents();
        String text = AlarmStreamIT.awaitContent(
                stream, t -> t.contains(alarm.alarmId().value()));
        assertThat(text).contains("event:alarm-raised", alarm.alarmId().value());
    }
}
