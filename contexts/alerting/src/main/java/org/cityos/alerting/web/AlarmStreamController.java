package org.cityos.alerting.web;

import java.io.IOException;
import org.cityos.alerting.AlarmStream;
import org.cityos.kernel.access.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of alarm changes the caller may see: events named {@code alarm-raised}, {@code
 * alarm-acknowledged}, … with the event's JSON as data, and a comment line as heartbeat. A stream that falls behind
 * is closed; the client reconnects.
 */
@RestController
public class AlarmStreamController {
    private final AlarmStream stream;

    public AlarmStreamController(AlarmStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/alerting/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(Actor actor) {
        SseEmitter emitter = new SseEmitter(0L);
        AutoCloseable subscription = stream.subscribe(actor, new AlarmStream.Sink() {
            @Override
            public void event(String name, long id, String json) throws IOException {
                emitter.send(SseEmitter.event().name(name).id(Long.toString(id)).data(json));
            }

            @Override
            public void heartbeat() throws IOException {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            }

            @Override
            public void close(String reason) {
                // Only complete: sending a last event could block on the very client that stopped reading.
                emitter.complete();
            }
        });
        Runnable end = () -> {
            try {
                subscription.close();
            } catch (Exception e) {
                // Nothing to release beyond the list entry.
            }
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(e -> end.run());
        try {
            emitter.send(SseEmitter.event().comment("ready"));
        } catch (IOException e) {
            end.run();
        }
        return emitter;
    }
}
