package org.cityos.iot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.identity.Departments;
import org.cityos.iot.internal.video.VideoChannelRules;
import org.cityos.iot.persistence.ChannelGrantRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a channel with other departments until a date. The owner department (or a steward whose
 * department scope is all departments) grants and revokes; both are audited.
 */
@Service
public class ChannelGrants {
    private final VideoChannels channels;
    private final ChannelGrantRepository grants;
    private final Departments departments;
    private final VideoChannelProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    public ChannelGrants(
            VideoChannels channels,
            ChannelGrantRepository grants,
            Departments departments,
            VideoChannelProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.channels = channels;
        this.grants = grants;
        this.departments = departments;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every grant of the channel, revoked and expired ones included; for its owner and auditors. */
    public List<ChannelGrant> list(Actor actor, VideoChannelId id) {
        VideoChannel channel = channels.find(actor, id);
        if (!actor.coversDepartment(channel.department()) && !actor.has(Permission.AUDIT_READ)) {
            throw new AccessDenied(
                    "problem.department-out-of-scope", channel.department().value());
        }
        return grants.of(id);
    }

    /** Grants (or extends) a department's view of the channel until {@code expiresAt}. */
    @Transactional
    public ChannelGrant grant(
            Actor actor, VideoChannelId id, DepartmentCode department, Instant expiresAt, String purpose) {
        VideoChannel channel = owned(actor, id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (expiresAt == null) {
            throw InvalidInput.of("expiresAt", "validation.required");
        }
        Duration longest = properties.maxGrant();
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(longest))) {
            throw InvalidInput.of("expiresAt", "video.grant-expiry", longest.toDays());
        }
        if (department.equals(channel.department())) {
            throw InvalidInput.of("department", "video.grant-to-owner", department.value());
        }
        if (!departments.exists(department)) {
            throw InvalidInput.of("department", "video.unknown-department", department.value());
        }
        String cleanPurpose = VideoChannelRules.clean(purpose);
        if (cleanPurpose != null && cleanPurpose.length() > ChannelAccess.MAX_PURPOSE) {
            throw InvalidInput.of("purpose", "validation.too-long", ChannelAccess.MAX_PURPOSE);
        }
        ChannelGrant grant = grants.grant(id, department, cleanPurpose, actor.id(), now, expiresAt);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("gbId", channel.gbId());
        details.put("department", department.value());
        details.put("expiresAt", expiresAt.toString());
        if (cleanPurpose != null) {
            details.put("purpose", cleanPurpose);
        }
        audit.record(actor, "iot.video-channel.grant", "video-channel", id.toString(), channel.place(), details);
        return grant;
    }

    @Transactional
    public ChannelGrant revoke(Actor actor, VideoChannelId id, DepartmentCode department) {
        VideoChannel channel = owned(actor, id);
        ChannelGrant revoked = grants.revoke(
                        id, department, actor.id(), clock.instant().truncatedTo(ChronoUnit.MICROS))
                .orElseThrow(() -> new NotFound("grant", id + "/" + department.value()));
        audit.record(
                actor,
                "iot.video-channel.revoke",
                "video-channel",
                id.toString(),
                channel.place(),
                Map.of("gbId", channel.gbId(), "department", department.value()));
        return revoked;
    }

    private VideoChannel owned(Actor actor, VideoChannelId id) {
        actor.require(Permission.DIVISION_WRITE);
        VideoChannel channel = channels.find(actor, id);
        actor.requireDepartment(channel.department());
        return channel;
    }
}
