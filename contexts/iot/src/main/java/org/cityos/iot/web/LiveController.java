package org.cityos.iot.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.cityos.iot.LiveChange;
import org.cityos.iot.LiveFeed;
import org.cityos.kernel.access.Actor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of latest-state changes ({@code event: latest}, data = an array of changed devices), filtered
 * by division prefix, device types and devices, within the caller's scope. A stream that cannot keep up is
 * closed with {@code event: closed} and the reason; the client reconnects.
 */
@RestController
public class LiveController {
    private final LiveFeed feed;

    public LiveController(LiveFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/api/iot/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter live(
            Actor actor,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) List<String> device) {
        SseEmitter emitter = new SseEmitter(0L);
        LiveFeed.Filter filter = new LiveFeed.Filter(
                division == null || division.isBlank() ? null : division,
                type == null ? Set.of() : Set.copyOf(type),
                device == null ? Set.of() : Set.copyOf(device));
        AutoCloseable subscription = feed.subscribe(actor, filter, new LiveFeed.Sink() {
            @Override
            public void send(List<LiveChange> changes) throws IOException {
                emitter.send(SseEmitter.event().name("latest").data(changes, MediaType.APPLICATION_JSON));
            }

            @Override
            public void close(String reason) {
                try {
                    emitter.send(SseEmitter.event().name("closed").data(reason));
                } catch (IOException | IllegalStateException e) {
                    // The client is gone already.
                }
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
            emitter.send(SseEmitter.event().name("ready").data("ok"));
        } catch (IOException e) {
            end.run();
        }
        return emitter;
    }
}
