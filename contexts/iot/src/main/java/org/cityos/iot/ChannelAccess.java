package org.cityos.iot;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.VideoChannelProblems.ChannelDecommissioned;
import org.cityos.iot.VideoChannelProblems.UnknownVideoChannel;
import org.cityos.iot.internal.video.ChannelViewRule;
import org.cityos.iot.internal.video.ChannelViewRule.Reason;
import org.cityos.iot.persistence.ChannelAccessRepository;
import org.cityos.iot.persistence.ChannelGrantRepository;
import org.cityos.iot.persistence.VideoChannelRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a channel's picture: allowed to the owner department and to departments with an unexpired
 * grant. Every attempt, allowed or refused, goes to the access log and the audit trail; a refusal
 * commits its records before the 403 leaves (the transaction does not roll back for it).
 */
@Service
public class ChannelAccess {
    public static final int MAX_PURPOSE = 200;

    private final VideoChannelRepository channels;
    private final ChannelGrantRepository grants;
    private final ChannelAccessRepository log;
    private final AuditTrail audit;
    private final Clock clock;

    public ChannelAccess(
            VideoChannelRepository channels,
            ChannelGrantRepository grants,
            ChannelAccessRepository log,
            AuditTrail audit,
            Clock clock) {
        this.channels = channels;
        this.grants = grants;
        this.log = log;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = {AccessDenied.class, ChannelDecommissioned.class})
    public ChannelAccessSession open(Actor actor, VideoChannelId id, String purpose) {
        String why = purpose == null ? "" : purpose.strip();
        if (why.isEmpty()) {
            throw InvalidInput.of("purpose", "validation.required");
        }
        if (why.length() > MAX_PURPOSE) {
            throw InvalidInput.of("purpose", "validation.too-long", MAX_PURPOSE);
        }
        VideoChannel channel = channels.find(id).orElseThrow(() -> new UnknownVideoChannel(id));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Reason reason;
        if (!actor.has(Permission.DIVISION_READ)) {
            reason = Reason.MISSING_PERMISSION;
        } else if (!actor.covers(channel.place())) {
            reason = Reason.OUT_OF_SCOPE;
        } else if (channel.status() == VideoChannelStatus.DECOMMISSIONED) {
            reason = Reason.DECOMMISSIONED;
        } else {
            Set<DepartmentCode> granted = grants.grantees(List.of(id), now).getOrDefault(id, Set.of());
            reason = ChannelViewRule.decide(actor, channel.department(), granted);
        }
        boolean allowed = ChannelViewRule.allows(reason);
        List<String> departments =
                actor.departments().stream().map(DepartmentCode::value).sorted().toList();
        long accessId = log.insert(id, actor.id(), actor.name(), departments, why, allowed, reason.name(), now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("gbId", channel.gbId());
        details.put("purpose", why);
        details.put("allowed", allowed);
        details.put("reason", reason.name());
        details.put("accessId", accessId);
        audit.record(actor, "iot.video-channel.open", "video-channel", id.toString(), channel.place(), details);
        return switch (reason) {
            case OWNER, GRANT ->
                new ChannelAccessSession(id, channel.gbId(), channel.name(), channel.streamUrl(), now, accessId);
            case DECOMMISSIONED -> throw new ChannelDecommissioned(channel.gbId());
            case MISSING_PERMISSION -> throw new AccessDenied("problem.missing-permission", "DIVISION_READ");
            case OUT_OF_SCOPE ->
                throw new AccessDenied(
                        "problem.division-out-of-scope", channel.place().value());
            case NO_GRANT -> throw new AccessDenied("problem.video-channel-not-shared", channel.gbId());
        };
    }

    /** The channel's access log, newest first; for its owner department and for auditors. */
    public Page<ChannelAccessEntry> log(Actor actor, VideoChannelId id, PageRequest page) {
        actor.require(Permission.DIVISION_READ);
        VideoChannel channel = channels.find(id).orElseThrow(() -> new UnknownVideoChannel(id));
        if (!actor.covers(channel.place())) {
            throw new UnknownVideoChannel(id);
        }
        if (!actor.has(Permission.AUDIT_READ) && !actor.coversDepartment(channel.department())) {
            throw new AccessDenied("problem.missing-permission", Permission.AUDIT_READ.name());
        }
        return log.of(id, page);
    }
}
