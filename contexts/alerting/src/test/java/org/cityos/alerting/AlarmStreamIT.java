package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.NotifyFixture.EAST_WORKER;
import static org.cityos.alerting.NotifyFixture.IN_EAST;
import static org.cityos.alerting.NotifyFixture.IN_WEST;
import static org.cityos.alerting.NotifyFixture.OPERATOR;
import static org.cityos.alerting.NotifyFixture.STEWARD;
import static org.cityos.alerting.NotifyFixture.alarm;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The live alarm stream over SSE, fed by alarm events through the outbox and the shared feed: scope filtering,
 * event names and data, heartbeats, and a subscriber that stops reading being dropped while others go on.
 */
class AlarmStreamIT {
    static final Duration WAIT = Duration.ofSeconds(10);
    static NotifyFixture f;
    static final Actor[] AS = {OPERATOR};
    static MockMvc mvc;

    @BeforeAll
    static void start() {
        f = new NotifyFixture(Map.of(
                "cityos.alerting.notify.stream.buffer", "3",
                "cityos.alerting.notify.stream.heartbeat", "200ms"));
        mvc = f.mvc(AS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static MvcResult open(Actor actor) throws Exception {
        AS[0] = actor;
        return mvc.perform(get("/api/alerting/stream").header("Accept", "text/event-stream"))
                .andExpect(request().asyncStarted())
                .andReturn();
    }

    static String awaitContent(MvcResult stream, Predicate<String> done) {
        return org.awaitility.Awaitility.await("the stream's content")
                .atMost(WAIT)
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> stream.getResponse().getContentAsString(StandardCharsets.UTF_8), done::test);
    }

    @Test
    void subscribersGetTheAlarmsOfTheirDivisionsAsNamedEvents() throws Exception {
        MvcResult district = open(OPERATOR);
        MvcResult east = open(EAST_WORKER);
        assertThat(district.getResponse().getContentType()).startsWith("text/event-stream");
        AlarmFacts west = alarm(Severity.RED, IN_WEST, RuleId.random());
        AlarmFacts inEast = alarm(Severity.YELLOW, IN_EAST, RuleId.random());
        f.publish(new AlarmRaised(west, null, null, f.clock.instant()));
        f.deliverEvents();
        f.publish(new AlarmAcknowledged(inEast, "east-worker", "到场", f.clock.instant()));
        f.deliverEvents();

        String all = awaitContent(district, s -> s.contains(inEast.alarmId().value()));
        assertThat(all).contains("event:alarm-raised\n", west.alarmId().value(), "event:alarm-acknowledged\n");
        assertThat(all).contains("data:{\"event\":\"alarm-raised\",\"alarm\":{\"alarmId\":\"" + west.alarmId());
        String mine = awaitContent(east, s -> s.contains(inEast.alarmId().value()));
        assertThat(mine).contains("event:alarm-acknowledged\n", "\"by\":\"east-worker\"");
        assertThat(mine).doesNotContain(west.alarmId().value()).doesNotContain("event:alarm-raised");
        // Idle streams get heartbeat comments so that proxies keep them open.
        awaitContent(east, s -> s.contains(":heartbeat"));
    }

    @Test
    void withoutAlarmReadThereIsNoStream() throws Exception {
        AS[0] = STEWARD;
        mvc.perform(get("/api/alerting/stream")).andExpect(status().isForbidden());
    }

    @Test
    void aSubscriberThatStopsReadingIsDroppedWhileOthersKeepReceiving() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        CompletableFuture<String> closed = new CompletableFuture<>();
        List<String> healthy = new CopyOnWriteArrayList<>();
        int before = f.stream.subscribers();
        AutoCloseable stuck = f.stream.subscribe(OPERATOR, new AlarmStream.Sink() {
            @Override
            public void event(String name, long id, String json) throws Exception {
                blocked.countDown();
                release.await();
            }

            @Override
            public void heartbeat() throws Exception {
                event("heartbeat", 0, "");
            }

            @Override
            public void close(String reason) {
                closed.complete(reason);
            }
        });
        AutoCloseable fine = f.stream.subscribe(OPERATOR, new AlarmStream.Sink() {
            @Override
            public void event(String name, long id, String json) {
                healthy.add(json);
            }

            @Override
            public void heartbeat() {}

            @Override
            public void close(String reason) {}
        });
        AlarmFacts first = alarm(Severity.RED, IN_WEST, RuleId.random());
        f.publish(new AlarmRaised(first, null, null, f.clock.instant()));
        f.deliverEvents();
        assertThat(blocked.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // More events than the stuck subscriber's buffer (3) may hold while it does not read.
        List<AlarmFacts> more = List.of(
                alarm(Severity.RED, IN_WEST, RuleId.random()),
                alarm(Severity.RED, IN_WEST, RuleId.random()),
                alarm(Severity.RED, IN_WEST, RuleId.random()),
                alarm(Severity.RED, IN_WEST, RuleId.random()),
                alarm(Severity.RED, IN_WEST, RuleId.random()));
        for (AlarmFacts a : more) {
            f.publish(new AlarmRaised(a, null, null, f.clock.instant()));
        }
        f.deliverEvents();

        assertThat(closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("overflow");
        assertThat(f.stream.subscribers()).isEqualTo(before + 1);
        org.awaitility.Awaitility.await("the healthy subscriber's last event")
                .atMost(WAIT)
                .until(() -> healthy.stream()
                        .anyMatch(j -> j.contains(more.get(4).alarmId().value())));
        for (AlarmFacts a : more) {
            assertThat(healthy).anyMatch(j -> j.contains(a.alarmId().value()));
        }
        release.countDown();
        stuck.close();
        fine.close();
    }
}
