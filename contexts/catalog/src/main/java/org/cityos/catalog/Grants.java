package org.cityos.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cityos.audit.AuditTrail;
import org.cityos.catalog.ShareCallProblems.NotGranted;
import org.cityos.catalog.Sharing.DecisionContent;
import org.cityos.catalog.internal.CallLogWriter;
import org.cityos.catalog.internal.ShareKeys;
import org.cityos.catalog.persistence.CallLogStore;
import org.cityos.catalog.persistence.GrantStore;
import org.cityos.catalog.persistence.SourceStore;
import org.cityos.catalog.persistence.StoredShare;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a granted request lets the requester do, and how the provider takes it back: the grant is written with the
 * decision; the requester issues (and re-issues) its key, shown once; the provider revokes it; both read its call
 * log. The provider also says which allow-listed source serves a resource.
 */
public class Grants {
    /** The zone the granted period's days are counted in. */
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final Sharing sharing;
    private final Catalog catalog;
    private final GrantStore grants;
    private final CallLogStore calls;
    private final CallLogWriter log;
    private final SourceStore sources;
    private final AuditTrail audit;
    private final EventBus events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Grants(
            Sharing sharing,
            Catalog catalog,
            GrantStore grants,
            CallLogStore calls,
            CallLogWriter log,
            SourceStore sources,
            AuditTrail audit,
            EventBus events,
            TransactionTemplate transactions,
            Clock clock) {
        this.sharing = sharing;
        this.catalog = catalog;
        this.grants = grants;
        this.calls = calls;
        this.log = log;
        this.sources = sources;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Writes the grant of a decision that grants; joins the decision's transaction. */
    static ShareGrant grant(
            GrantStore grants, StoredShare share, DecisionContent content, ShareTerms terms, Instant now) {
        ShareGrant grant = new ShareGrant(
                "grt_" + UUID.randomUUID().toString().replace("-", ""),
                share.id(),
                share.resourceCode(),
                share.requestingDepartment(),
                share.providerDepartment(),
                content.fields(),
                terms.rowColumn(),
                terms.rowValues(),
                content.periodFrom(),
                content.periodTo(),
                terms.callsPerDay(),
                terms.callsPerSecond(),
                now,
                null,
                null,
                null,
                null,
                null);
        grants.insert(grant);
        return grant;
    }

    /** The request's grant, for its requester or provider. */
    public ShareGrant get(Actor actor, String requestId) {
        sharing.get(actor, requestId);
        return grants.ofRequest(requestId).orElseThrow(() -> new NotGranted(requestId));
    }

    /** A new key for the request's grant, replacing any earlier one; only the requesting department may. */
    public ShareKey issueKey(Actor actor, String requestId) {
        actor.require(Permission.DATA_SHARE_REQUEST);
        ShareGrant grant = get(actor, requestId);
        actor.requireDepartment(DepartmentCode.of(grant.requestingDepartment()));
        if (grant.revokedAt() != null) {
            throw new ShareCallProblems.ShareRevoked(grant.id(), grant.revokeReason());
        }
        String key = ShareKeys.newKey();
        String prefix = ShareKeys.prefixOf(key);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.execute(status -> {
            if (!grants.issueKey(grant.id(), prefix, ShareKeys.digest(key), now)) {
                throw new ShareCallProblems.ShareRevoked(grant.id(), null);
            }
            audit.record(actor, "catalog.share.key", Sharing.TARGET, requestId, Map.of("keyPrefix", prefix));
            return new ShareKey(grant.id(), key, prefix);
        });
    }

    /** Ends the grant at once; only the providing department may, with a reason. */
    public ShareGrant revoke(Actor actor, String requestId, String reason) {
        actor.require(Permission.DATA_SHARE_DECIDE);
        ShareGrant grant = get(actor, requestId);
        actor.requireDepartment(DepartmentCode.of(grant.providerDepartment()));
        if (EntryRules.blank(reason)) {
            throw InvalidInput.of("reason", "catalog.validation.required");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.execute(status -> {
            if (grants.revoke(grant.id(), actor.id(), reason.strip(), now)) {
                audit.record(
                        actor, "catalog.share.revoke", Sharing.TARGET, requestId, Map.of("reason", reason.strip()));
                events.publish(new ShareRevoked(grant.id(), requestId, grant.requestingDepartment(), reason.strip()));
            }
            return grants.find(grant.id()).orElseThrow();
        });
    }

    /** The grant's calls, newest first, for its requester or provider. */
    public List<ShareCall> calls(Actor actor, String requestId, PageRequest page) {
        ShareGrant grant = get(actor, requestId);
        log.flush();
        return calls.of(grant.id(), page.offset(), page.limit());
    }

    public List<ShareSource> sources(Actor actor) {
        actor.require(Permission.CATALOG_READ);
        return sources.sources();
    }

    /** Names the allow-listed source that serves a resource; the provider's steward does this. */
    public void bindSource(Actor actor, String resourceCode, String source) {
        actor.require(Permission.DATA_SHARE_DECIDE);
        EntryContent resource = catalog.currentContent(resourceCode);
        actor.requireDepartment(DepartmentCode.of(resource.providerDepartment()));
        if (EntryRules.blank(source) || !sources.exists(source.strip())) {
            throw InvalidInput.of("source", "catalog.validation.unknown-source", source);
        }
        transactions.executeWithoutResult(status -> {
            sources.bind(resource.code().value(), source.strip(), actor.id(), clock.instant());
            audit.record(
                    actor,
                    "catalog.share.source",
                    "catalog.entry",
                    resource.code().value(),
                    Map.of("source", source));
        });
    }
}
