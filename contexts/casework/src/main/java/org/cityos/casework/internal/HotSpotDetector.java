package org.cityos.casework.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cityos.casework.HotSpotProperties;
import org.cityos.casework.HotSpotRaised;
import org.cityos.casework.HotSpotStatus;
import org.cityos.casework.persistence.HotSpotRepository;
import org.cityos.casework.persistence.HotSpotRow;
import org.cityos.casework.persistence.PlacedCase;
import org.cityos.kernel.event.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at the last {@code within} of placed, categorised cases and raises or grows hot spots (see
 * {@link HotSpotClusters}). Idempotent: a case joins one hot spot once, so a second run over the same cases changes
 * nothing. One transaction per run under an advisory lock, so nodes running it together do not raise twins, and the
 * {@link HotSpotRaised} events leave with the rows that explain them.
 */
public final class HotSpotDetector {
    private static final Logger log = LoggerFactory.getLogger(HotSpotDetector.class);
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HotSpotRepository repository;
    private final TransactionTemplate transactions;
    private final EventBus events;
    private final Clock clock;
    private final HotSpotProperties properties;
    private final Counter raised;
    private final Counter grown;

    public HotSpotDetector(
            HotSpotRepository repository,
            TransactionTemplate transactions,
            EventBus events,
            Clock clock,
            HotSpotProperties properties,
            MeterRegistry meters) {
        this.repository = repository;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.raised = Counter.builder("cityos.casework.hotspots.raised").register(meters);
        this.grown = Counter.builder("cityos.casework.hotspots.grown").register(meters);
    }

    /** What one run did. */
    public record Detection(int raised, int grown) {}

    public Detection detect() {
        Detection done = transactions.execute(status -> {
            repository.lockDetection();
            return detectLocked(clock.instant());
        });
        if (done.raised() > 0 || done.grown() > 0) {
            log.info("Hot spots: {} raised, {} grown", done.raised(), done.grown());
        }
        return done;
    }

    private Detection detectLocked(Instant now) {
        List<PlacedCase> free = repository.placedSince(now.minus(properties.within())).stream()
                .filter(c -> !c.inHotSpot())
                .toList();
        if (free.isEmpty()) {
            return new Detection(0, 0);
        }
        List<HotSpotRow> active = repository.active();
        HotSpotClusters.Plan plan = HotSpotClusters.plan(free, active, properties.metres(), properties.minCases());
        Map<String, HotSpotRow> byId = active.stream().collect(Collectors.toMap(HotSpotRow::id, Function.identity()));
        for (Map.Entry<String, List<PlacedCase>> g : plan.growth().entrySet()) {
            HotSpotRow before = byId.get(g.getKey());
            Set<String> ids = new LinkedHashSet<>(before.caseIds());
            g.getValue().forEach(c -> ids.add(c.id()));
            List<String> all = List.copyOf(ids);
            HotSpotRow after = shape(before.id(), before.categoryCode(), repository.cases(all), all, before);
            // Under the advisory lock only an operator's acknowledge or close can race us; its change wins.
            if (!repository.grow(after, now)) {
                log.info("Hot spot {} changed while growing; its new cases wait for the next run", before.id());
            }
        }
        for (List<PlacedCase> cluster : plan.clusters()) {
            List<String> ids = cluster.stream().map(PlacedCase::id).toList();
            HotSpotRow row = shape(newId(), cluster.get(0).categoryCode(), cluster, ids, null);
            HotSpotRow stored = new HotSpotRow(
                    row.id(),
                    row.categoryCode(),
                    row.lon(),
                    row.lat(),
                    row.radiusMetres(),
                    row.caseCount(),
                    row.firstAt(),
                    row.lastAt(),
                    HotSpotStatus.OPEN.name(),
                    row.divisionCode(),
                    ids,
                    now,
                    0);
            repository.insert(stored, now);
            events.publish(new HotSpotRaised(
                    stored.id(),
                    stored.categoryCode(),
                    stored.lon(),
                    stored.lat(),
                    stored.caseCount(),
                    stored.divisionCode(),
                    ids,
                    now));
        }
        raised.increment(plan.clusters().size());
        grown.increment(plan.growth().size());
        return new Detection(plan.clusters().size(), plan.growth().size());
    }

    /** Centre (mean point), radius (farthest case), time span and town (the most frequent) of a set of cases. */
    private static HotSpotRow shape(
            String id, String category, List<PlacedCase> cases, List<String> ids, HotSpotRow before) {
        double lon = cases.stream().mapToDouble(PlacedCase::lon).average().orElse(before == null ? 0 : before.lon());
        double lat = cases.stream().mapToDouble(PlacedCase::lat).average().orElse(before == null ? 0 : before.lat());
        double radius = cases.stream()
                .mapToDouble(c -> HotSpotClusters.metres(lon, lat, c.lon(), c.lat()))
                .max()
                .orElse(0);
        Instant first = cases.stream()
                .map(PlacedCase::receivedAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = cases.stream()
                .map(PlacedCase::receivedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        String town = cases.stream()
                .map(PlacedCase::townCode)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(null);
        return new HotSpotRow(
                id,
                category,
                lon,
                lat,
                Math.round(radius * 10) / 10.0,
                ids.size(),
                first,
                last,
                before == null ? HotSpotStatus.OPEN.name() : before.status(),
                town,
                new ArrayList<>(ids),
                before == null ? null : before.raisedAt(),
                before == null ? 0 : before.version());
    }

    private static String newId() {
        char[] chars = new char[16];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(32));
        }
        return "hsp_" + new String(chars);
    }
}
