package org.cityos.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cityos.catalog.ShareCallProblems.CallsLimited;
import org.cityos.catalog.ShareCallProblems.FieldNotGranted;
import org.cityos.catalog.ShareCallProblems.ShareKeyInvalid;
import org.cityos.catalog.ShareCallProblems.ShareOutsidePeriod;
import org.cityos.catalog.ShareCallProblems.ShareRevoked;
import org.cityos.catalog.ShareCallProblems.SourceUnavailable;
import org.cityos.catalog.internal.CallLimits;
import org.cityos.catalog.internal.CallLogWriter;
import org.cityos.catalog.internal.ShareKeys;
import org.cityos.catalog.persistence.CallLogStore;
import org.cityos.catalog.persistence.GrantStore;
import org.cityos.catalog.persistence.GrantStore.KeyedGrant;
import org.cityos.catalog.persistence.SourceStore;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.InvalidInput;

/**
 * The data API's one operation: a page of a grant's rows for the holder of its key. The grant is read on every
 * call (one indexed look-up by the key's digest, joined to its source), so a revocation or the end of the period
 * refuses the very next call; limits are counted in memory. Every call, refused or served, is logged with its status
 * and latency, in batches ({@link CallLogWriter}).
 */
public class SharedData {
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;

    private final GrantStore grants;
    private final SourceStore sources;
    private final CallLogWriter log;
    private final CallLogStore stored;
    private final CallLimits limits = new CallLimits();
    private final Clock clock;
    private final Timer served;
    private final MeterRegistry meters;

    SharedData(
            GrantStore grants,
            SourceStore sources,
            CallLogWriter log,
            CallLogStore stored,
            Clock clock,
            MeterRegistry meters) {
        this.grants = grants;
        this.sources = sources;
        this.log = log;
        this.stored = stored;
        this.clock = clock;
        this.meters = meters;
        this.served = Timer.builder("cityos.catalog.share.calls")
                .tag("outcome", "served")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /**
     * @param key the bearer key, as sent
     * @param fields the fields wanted (null or empty: all granted)
     * @throws DomainProblem 401 for a bad key, 403 revoked, outside the period or a field not granted, 429 limits
     */
    public SharedRows rows(String grantId, String key, List<String> fields, Integer offset, Integer limit) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        // The path's id is logged even when no key matches it, so its length is bounded: anyone may send one.
        String logged = grantId.length() > 64 ? grantId.substring(0, 64) : grantId;
        String prefix = key == null || !key.startsWith(ShareKeys.PREFIX) ? null : ShareKeys.prefixOf(key);
        try {
            SharedRows rows = serve(grantId, key, fields, offset, limit, now);
            long micros = (System.nanoTime() - started) / 1000;
            log.append(new ShareCall(logged, prefix, now, rows.rows().size(), 200, micros, null));
            served.record(micros, TimeUnit.MICROSECONDS);
            return rows;
        } catch (DomainProblem p) {
            long micros = (System.nanoTime() - started) / 1000;
            log.append(new ShareCall(logged, prefix, now, 0, p.kind().status(), micros, p.type()));
            meters.counter("cityos.catalog.share.refusals", "type", p.type()).increment();
            throw p;
        }
    }

    private SharedRows serve(
            String grantId, String key, List<String> wanted, Integer offset, Integer limit, Instant now) {
        if (key == null || !key.startsWith(ShareKeys.PREFIX)) {
            throw new ShareKeyInvalid(grantId);
        }
        KeyedGrant keyed = grants.byKey(ShareKeys.digest(key))
                .filter(g -> g.grant().id().equals(grantId))
                .orElseThrow(() -> new ShareKeyInvalid(grantId));
        ShareGrant grant = keyed.grant();
        if (grant.revokedAt() != null) {
            throw new ShareRevoked(grantId, grant.revokeReason());
        }
        ZonedDateTime local = now.atZone(Grants.CITY_ZONE);
        LocalDate today = local.toLocalDate();
        if (today.isBefore(grant.validFrom()) || today.isAfter(grant.validUntil())) {
            throw new ShareOutsidePeriod(grantId, grant.validFrom(), grant.validUntil());
        }
        List<String> fields = wanted == null || wanted.isEmpty() ? grant.fields() : wanted;
        for (String f : fields) {
            if (!grant.fields().contains(f)) {
                throw new FieldNotGranted(f);
            }
        }
        int from = offset == null ? 0 : offset;
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (from < 0) {
            throw InvalidInput.of("offset", "catalog.validation.range", 0, Integer.MAX_VALUE);
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInput.of("limit", "catalog.validation.range", 1, MAX_LIMIT);
        }
        String relation = keyed.relation();
        if (relation == null) {
            throw new SourceUnavailable(grant.resourceCode(), "no source");
        }
        for (String f : fields) {
            if (!sources.columns(relation).contains(f)) {
                throw new SourceUnavailable(grant.resourceCode(), f);
            }
        }
        if (grant.rowColumn() != null && !sources.columns(relation).contains(grant.rowColumn())) {
            throw new SourceUnavailable(grant.resourceCode(), grant.rowColumn());
        }
        Instant midnight = today.plusDays(1).atStartOfDay(Grants.CITY_ZONE).toInstant();
        CallLimits.Refusal refusal = limits.take(
                grant.id(),
                grant.callsPerSecond(),
                grant.callsPerDay(),
                now,
                today,
                Duration.between(now, midnight).toSeconds(),
                () -> {
                    log.flush();
                    return stored.servedSince(
                            grant.id(), today.atStartOfDay(Grants.CITY_ZONE).toInstant());
                });
        if (refusal != null) {
            throw new CallsLimited(
                    refusal.quota(),
                    refusal.quota() ? grant.callsPerDay() : grant.callsPerSecond(),
                    refusal.retryAfterSeconds());
        }
        // One row more than asked tells whether there is a next page without counting.
        List<Map<String, Object>> rows =
                sources.rows(relation, fields, grant.rowColumn(), grant.rowValues(), from, size + 1);
        boolean more = rows.size() > size;
        return new SharedRows(
                grantId, fields, more ? rows.subList(0, size) : rows, from, size, more ? from + size : null);
    }
}
