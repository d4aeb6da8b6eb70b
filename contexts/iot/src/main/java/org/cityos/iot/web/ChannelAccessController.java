package org.cityos.iot.web;

import org.cityos.iot.ChannelAccess;
import org.cityos.iot.ChannelAccessEntry;
import org.cityos.iot.ChannelAccessSession;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Opening a channel (returns the stream address, or 403) and reading its access log. */
@RestController
@RequestMapping(path = "/api/video-channels/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
public class ChannelAccessController {
    private final ChannelAccess access;

    public ChannelAccessController(ChannelAccess access) {
        this.access = access;
    }

    public record SessionRequest(String purpose) {}

    public record SessionView(
            String channelId, String gbId, String name, String streamUrl, String openedAt, long accessId) {
        static SessionView of(ChannelAccessSession s) {
            return new SessionView(
                    s.channelId().toString(),
                    s.gbId(),
                    s.name(),
                    s.streamUrl(),
                    s.openedAt().toString(),
                    s.accessId());
        }
    }

    public record AccessView(
            long id,
            String actorId,
            String actorName,
            java.util.List<String> departments,
            String purpose,
            boolean allowed,
            String reason,
            String occurredAt) {
        static AccessView of(ChannelAccessEntry e) {
            return new AccessView(
                    e.id(),
                    e.actorId(),
                    e.actorName(),
                    e.departments(),
                    e.purpose(),
                    e.allowed(),
                    e.reason(),
                    e.occurredAt().toString());
        }
    }

    @PostMapping(path = "/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public SessionView open(Actor actor, @PathVariable String id, @RequestBody SessionRequest request) {
        return SessionView.of(access.open(actor, VideoParams.id(id), request.purpose()));
    }

    @GetMapping("/access-log")
    public Page<AccessView> log(
            Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return access.log(actor, VideoParams.id(id), PageRequest.of(offset, limit))
                .map(AccessView::of);
    }
}
