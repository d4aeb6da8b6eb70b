package org.cityos.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    @Test
    void fieldsGatherUntilABlankLineAndCommentsAreSkipped() {
        List<ServerSentEvents.Event> events = read(
                ":ready",
                "",
                "event:alarm-raised",
                "id:42",
                "data:{\"alarm\":{\"deviceId\":\"dev_1\"}}",
                "",
                ":heartbeat",
                "");

        assertThat(events)
                .containsExactly(
                        new ServerSentEvents.Event("alarm-raised", "42", "{\"alarm\":{\"deviceId\":\"dev_1\"}}"));
    }

    @Test
    void oneLeadingSpaceIsDroppedAndDataLinesJoinWithLineBreaks() {
        List<ServerSentEvents.Event> events = read("event: alarm-cleared", "data: a", "data:  b", "", "data:c", "");

        assertThat(events)
                .containsExactly(
                        new ServerSentEvents.Event("alarm-cleared", null, "a\n b"),
                        new ServerSentEvents.Event("message", null, "c"));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndDoesNotLeakItsNameIntoTheNext() {
        List<ServerSentEvents.Event> events = read("event: alarm-raised", "", "data: x", "");

        assertThat(events).containsExactly(new ServerSentEvents.Event("message", null, "x"));
    }

    private static List<ServerSentEvents.Event> read(String... lines) {
        ServerSentEvents parser = new ServerSentEvents();
        List<ServerSentEvents.Event> events = new ArrayList<>();
        for (String line : lines) {
            parser.line(line).ifPresent(events::add);
        }
        return events;
    }
}
