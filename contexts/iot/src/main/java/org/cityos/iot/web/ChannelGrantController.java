package org.cityos.iot.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cityos.iot.ChannelGrant;
import org.cityos.iot.ChannelGrants;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sharing grants of one channel: list, grant (or extend) to a department until a time, revoke. */
@RestController
@RequestMapping(path = "/api/video-channels/{id}/grants", produces = MediaType.APPLICATION_JSON_VALUE)
public class ChannelGrantController {
    private final ChannelGrants grants;

    public ChannelGrantController(ChannelGrants grants) {
        this.grants = grants;
    }

    /** {@code expiresAt} is an ISO-8601 instant with offset, e.g. {@code 2026-12-31T23:59:59+08:00}. */
    public record GrantRequest(String department, String expiresAt, String purpose) {}

    public record GrantView(
            long id,
            String department,
            String purpose,
            String grantedBy,
            Instant grantedAt,
            Instant expiresAt,
            String revokedBy,
            Instant revokedAt) {
        static GrantView of(ChannelGrant g) {
            return new GrantView(
                    g.id(),
                    g.department().value(),
                    g.purpose(),
                    g.grantedBy(),
                    g.grantedAt(),
                    g.expiresAt(),
                    g.revokedBy(),
                    g.revokedAt());
        }
    }

    @GetMapping
    public List<GrantView> list(Actor actor, @PathVariable String id) {
        return grants.list(actor, VideoParams.id(id)).stream()
                .map(GrantView::of)
                .toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public GrantView grant(Actor actor, @PathVariable String id, @RequestBody GrantRequest request) {
        return GrantView.of(grants.grant(
                actor,
                VideoParams.id(id),
                VideoParams.department("department", request.department()),
                instant(request.expiresAt()),
                request.purpose()));
    }

    @DeleteMapping
    public GrantView revoke(Actor actor, @PathVariable String id, @RequestParam(required = false) String department) {
        return GrantView.of(grants.revoke(actor, VideoParams.id(id), VideoParams.department("department", department)));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of("expiresAt", "validation.required");
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("expiresAt", "video.instant", text);
        }
    }
}
