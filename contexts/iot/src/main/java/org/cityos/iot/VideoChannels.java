package org.cityos.iot;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cityos.audit.AuditTrail;
import org.cityos.identity.Departments;
import org.cityos.iot.VideoChannelProblems.ChannelOutsideDistrict;
import org.cityos.iot.VideoChannelProblems.GbIdTaken;
import org.cityos.iot.VideoChannelProblems.UnknownVideoChannel;
import org.cityos.iot.internal.video.ChannelViewRule;
import org.cityos.iot.internal.video.VideoChannelRules;
import org.cityos.iot.persistence.ChannelGrantRepository;
import org.cityos.iot.persistence.VideoChannelRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Places;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The video channel catalogue: read within the caller's divisions, written by data stewards with
 * optimistic versions; every write is placed (division and grid from the location) and audited.
 * Catalogue reads withhold the stream address: only {@link ChannelAccess#open} hands it out, logged.
 */
@Service
public class VideoChannels {
    private final VideoChannelRepository repository;
    private final ChannelGrantRepository grants;
    private final Gb28181Validator gbIds;
    private final Departments departments;
    private final Places places;
    private final AuditTrail audit;
    private final Clock clock;

    public VideoChannels(
            VideoChannelRepository repository,
            ChannelGrantRepository grants,
            Gb28181Validator gbIds,
            Departments departments,
            Places places,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.grants = grants;
        this.gbIds = gbIds;
        this.departments = departments;
        this.places = places;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<VideoChannel> list(Actor actor, VideoChannelFilter filter, PageRequest page) {
        actor.require(Permission.DIVISION_READ);
        List<String> scope = actor.isSystem()
                ? null
                : actor.divisions().stream().map(DivisionCode::prefix).toList();
        return repository.list(filter, scope, page).map(VideoChannel::withoutStream);
    }

    public VideoChannel get(Actor actor, VideoChannelId id) {
        return find(actor, id).withoutStream();
    }

    /** The ids among {@code channels} whose picture the actor may open now (owner or granted department). */
    public Set<VideoChannelId> viewable(Actor actor, List<VideoChannel> channels) {
        Map<VideoChannelId, Set<DepartmentCode>> granted =
                grants.grantees(channels.stream().map(VideoChannel::id).toList(), clock.instant());
        return channels.stream()
                .filter(c -> c.status() != VideoChannelStatus.DECOMMISSIONED)
                .filter(c -> ChannelViewRule.allows(
                        ChannelViewRule.decide(actor, c.department(), granted.getOrDefault(c.id(), Set.of()))))
                .map(VideoChannel::id)
                .collect(Collectors.toSet());
    }

    @Transactional
    public VideoChannel create(Actor actor, VideoChannelDraft draft) {
        actor.require(Permission.DIVISION_WRITE);
        VideoChannel channel = orThrow(assemble(actor, VideoChannelId.random(), draft, null, "api", false, null));
        if (repository.findByGbId(channel.gbId()).isPresent()) {
            throw new GbIdTaken(channel.gbId());
        }
        repository.insert(channel);
        audit.record(
                actor,
                "iot.video-channel.create",
                "video-channel",
                channel.id().toString(),
                channel.place(),
                details(channel));
        return channel.withoutStream();
    }

    /** Replaces the channel's fields; a null stream address keeps the stored one (callers may not see it). */
    @Transactional
    public VideoChannel change(Actor actor, VideoChannelId id, int expectedVersion, VideoChannelDraft draft) {
        actor.require(Permission.DIVISION_WRITE);
        VideoChannel current = find(actor, id);
        VideoChannel changed = orThrow(
                assemble(actor, id, draft, current, current.source(), current.synthetic(), expectedVersion + 1));
        if (repository.gbIdTaken(changed.gbId(), id)) {
            throw new GbIdTaken(changed.gbId());
        }
        if (!repository.update(changed, expectedVersion)) {
            throw new ConcurrentChange("video channel", id);
        }
        audit.record(
                actor,
                "iot.video-channel.change",
                "video-channel",
                id.toString(),
                changed.place(),
                Map.of("from", details(current), "to", details(changed)));
        return changed.withoutStream();
    }

    /**
     * Loads many channels in one transaction (seeding, benchmarks, demos), each checked and placed like
     * a single write and audited once for the batch. Any bad draft stops all; returns how many were stored.
     */
    @Transactional
    public int loadAll(Actor actor, List<VideoChannelDraft> drafts, String source, boolean synthetic) {
        actor.require(Permission.DIVISION_WRITE);
        Map<DepartmentCode, Boolean> known = new java.util.HashMap<>();
        List<VideoChannel> built = new ArrayList<>(drafts.size());
        for (VideoChannelDraft d : drafts) {
            built.add(orThrow(assemble(
                    actor,
                    VideoChannelId.random(),
                    d,
                    null,
                    source,
                    synthetic,
                    null,
                    code -> known.computeIfAbsent(code, departments::exists))));
        }
        repository.insertAll(built);
        audit.record(
                actor,
                "iot.video-channel.bulk-create",
                "video-channel",
                source,
                Map.of("count", built.size(), "synthetic", synthetic));
        return built.size();
    }

    /** The full channel (stream address included) after permission and scope checks; for this package. */
    VideoChannel find(Actor actor, VideoChannelId id) {
        actor.require(Permission.DIVISION_READ);
        VideoChannel channel = repository.find(id).orElseThrow(() -> new UnknownVideoChannel(id));
        if (!actor.covers(channel.place())) {
            throw new UnknownVideoChannel(id);
        }
        return channel;
    }

    /** A checked channel, or the problems of the draft; a single write throws them, an import reports them. */
    record Assembled(VideoChannel channel, List<FieldIssue> issues, RuntimeException refusal) {}

    Assembled assemble(
            Actor actor,
            VideoChannelId id,
            VideoChannelDraft draft,
            VideoChannel current,
            String source,
            boolean synthetic,
            Integer version) {
        return assemble(actor, id, draft, current, source, synthetic, version, departments::exists);
    }

    Assembled assemble(
            Actor actor,
            VideoChannelId id,
            VideoChannelDraft input,
            VideoChannel current,
            String source,
            boolean synthetic,
            Integer version,
            Predicate<DepartmentCode> departmentExists) {
        VideoChannelDraft draft = current != null && input.streamUrl() == null ? withStream(input, current) : input;
        List<FieldIssue> issues = new ArrayList<>(VideoChannelRules.check(draft));
        Gb28181Id gb = null;
        if (draft.gbId() != null && !draft.gbId().isBlank()) {
            try {
                gb = gbIds.requireChannel("gbId", draft.gbId());
            } catch (InvalidInput e) {
                issues.addAll(e.fieldIssues());
            }
        }
        boolean departmentShaped = issues.stream().noneMatch(i -> i.field().equals("department"));
        if (departmentShaped
                && !departmentExists.test(DepartmentCode.of(draft.department().strip()))) {
            issues.add(new FieldIssue(
                    "department", "video.unknown-department", draft.department().strip()));
        }
        if (!issues.isEmpty()) {
            return new Assembled(null, issues, null);
        }
        Placement at = places.locate(draft.location());
        if (!at.inside() || at.path().isEmpty()) {
            return new Assembled(null, List.of(), new ChannelOutsideDistrict(draft.location()));
        }
        DivisionCode grid = at.grid().orElse(null);
        DivisionCode division = at.path().stream()
                .map(Placement.PlacedDivision::code)
                .filter(c -> c.level() != DivisionLevel.GRID)
                .reduce((a, b) -> b)
                .orElseThrow();
        DivisionCode place = grid != null ? grid : division;
        if (!actor.covers(place) || (current != null && !actor.covers(current.place()))) {
            return new Assembled(null, List.of(), new AccessDenied("problem.division-out-of-scope", place.value()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        VideoChannelStatus status = draft.status() == null ? VideoChannelStatus.ONLINE : draft.status();
        Instant statusAt = current != null && current.status() == status ? current.statusChangedAt() : now;
        return new Assembled(
                new VideoChannel(
                        id,
                        gb.value(),
                        gb.typeCode(),
                        draft.name().strip(),
                        DepartmentCode.of(draft.department().strip()),
                        draft.location(),
                        VideoChannelRules.clean(draft.address()),
                        division,
                        grid,
                        status,
                        statusAt,
                        draft.streamUrl().strip(),
                        draft.ptz(),
                        VideoChannelRules.cleanTags(draft.tags()),
                        synthetic,
                        source,
                        version == null ? 0 : version,
                        current == null ? now : current.createdAt(),
                        now),
                List.of(),
                null);
    }

    private static VideoChannelDraft withStream(VideoChannelDraft d, VideoChannel current) {
        return new VideoChannelDraft(
                d.gbId(),
                d.name(),
                d.department(),
                d.location(),
                d.address(),
                d.status(),
                current.streamUrl(),
                d.ptz(),
                d.tags());
    }

    private static VideoChannel orThrow(Assembled a) {
        if (a.refusal() != null) {
            throw a.refusal();
        }
        if (!a.issues().isEmpty()) {
            throw new InvalidInput(a.issues());
        }
        return a.channel();
    }

    /** What the audit keeps of a channel: never the stream address, which may carry tokens. */
    static Map<String, Object> details(VideoChannel c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("gbId", c.gbId());
        d.put("name", c.name());
        d.put("department", c.department().value());
        d.put("status", c.status().name());
        d.put("place", c.place().value());
        d.put("lon", c.location().lon());
        d.put("lat", c.location().lat());
        return d;
    }
}
