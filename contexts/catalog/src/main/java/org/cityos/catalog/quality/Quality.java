package org.cityos.catalog.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.audit.AuditTrail;
import org.cityos.catalog.Catalog;
import org.cityos.catalog.CatalogEntry;
import org.cityos.catalog.DataItem;
import org.cityos.catalog.quality.QualityProblems.NoQualitySource;
import org.cityos.catalog.quality.QualityProblems.SourceUnavailable;
import org.cityos.catalog.quality.QualityProblems.UnknownRule;
import org.cityos.catalog.quality.QualityRun.RunTrigger;
import org.cityos.catalog.quality.Scorecards.DepartmentScorecard;
import org.cityos.catalog.quality.Scorecards.ResourceScore;
import org.cityos.catalog.quality.Scorecards.ResourceScorecard;
import org.cityos.catalog.quality.Scorecards.TrendPoint;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data quality of catalogue resources. CATALOG_READ reads rules and scorecards of every resource; CATALOG_WRITE
 * of the provider department gives a resource its data source, defines and deletes its rules, uploads its rows
 * and runs its checks. Runs also happen on schedule ({@link #runDue}) and after every upload.
 */
public class Quality {
    private static final Logger log = LoggerFactory.getLogger(Quality.class);
    private static final Actor SCHEDULER = Actor.system("catalog-quality");
    private static final String TARGET = "catalog.quality";

    private final Catalog catalog;
    private final QualityStore store;
    private final QualityChecks checks;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final QualityProperties properties;

    Quality(
            Catalog catalog,
            QualityStore store,
            QualityChecks checks,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock,
            QualityProperties properties) {
        this.catalog = catalog;
        this.store = store;
        this.checks = checks;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    /** The named sources and whether each exists in this installation. */
    public Map<String, Boolean> sources(Actor actor) {
        actor.require(Permission.CATALOG_READ);
        return Arrays.stream(QualitySource.values())
                .collect(Collectors.toMap(
                        QualitySource::sourceName,
                        s -> s == QualitySource.IMPORTED || store.columns(s).isPresent(),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** Reads the resource's data from {@code source}; {@code threshold} (default 0.9) is its passing score. */
    public QualityBinding bind(Actor actor, String code, String source, Double threshold) {
        CatalogEntry entry = writable(actor, code);
        List<FieldIssue> issues = new ArrayList<>();
        Optional<QualitySource> named = source == null ? Optional.empty() : QualitySource.named(source);
        if (named.isEmpty()) {
            issues.add(new FieldIssue("source", "quality.validation.unknown-source", String.valueOf(source)));
        } else if (named.get() != QualitySource.IMPORTED
                && store.columns(named.get()).isEmpty()) {
            issues.add(new FieldIssue("source", "quality.validation.source-unavailable", source));
        }
        double t = RuleValidation.share(threshold, "threshold", 0.9, issues);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return transactions.execute(status -> {
            store.bind(entry.code(), source, t);
            audit.record(actor, "catalog.quality.bind", TARGET, code, Map.of("source", source, "threshold", t));
            return store.binding(code).orElseThrow();
        });
    }

    public List<QualityRule> rules(Actor actor, String code) {
        actor.require(Permission.CATALOG_READ);
        catalog.get(actor, code, false);
        return store.rules(code);
    }

    /** Validates and stores a rule; the resource needs its source first, as rules name the source's fields. */
    public QualityRule defineRule(Actor actor, String code, RuleDraft draft) {
        CatalogEntry entry = writable(actor, code);
        QualityBinding binding = store.binding(code).orElseThrow(() -> new NoQualitySource(code));
        QualitySource source = QualitySource.named(binding.source()).orElseThrow();
        Set<String> known = source == QualitySource.IMPORTED
                ? entry.items().stream().map(DataItem::name).collect(Collectors.toSet())
                : store.columns(source).orElseThrow(() -> new SourceUnavailable(source.sourceName()));
        QualityRule rule = RuleValidation.check(
                code,
                draft,
                known,
                source == QualitySource.IMPORTED,
                name -> QualitySource.named(name).flatMap(store::columns));
        return transactions.execute(status -> {
            QualityRule stored = store.insertRule(rule, actor.id(), now());
            audit.record(
                    actor,
                    "catalog.quality.rule.define",
                    TARGET,
                    code,
                    Map.of("rule", stored.id(), "kind", stored.kind().name()));
            return stored;
        });
    }

    public void deleteRule(Actor actor, String code, long id) {
        writable(actor, code);
        transactions.executeWithoutResult(status -> {
            if (!store.deleteRule(code, id)) {
                throw new UnknownRule(id);
            }
            audit.record(actor, "catalog.quality.rule.delete", TARGET, code, Map.of("rule", id));
        });
    }

    /** Replaces the resource's imported rows with a CSV (all or nothing), then runs its rules if it has any. */
    public Optional<QualityRun> importRows(Actor actor, String code, byte[] csv) {
        CatalogEntry entry = writable(actor, code);
        List<Map<String, String>> rows = ImportedRows.read(csv, properties.maxRows());
        transactions.executeWithoutResult(status -> {
            QualityBinding binding = store.binding(code).orElse(null);
            if (binding == null || !QualitySource.IMPORTED.sourceName().equals(binding.source())) {
                store.bind(code, QualitySource.IMPORTED.sourceName(), binding == null ? 0.9 : binding.threshold());
            }
            store.replaceRows(code, rows, now());
            audit.record(actor, "catalog.quality.import", TARGET, code, Map.of("rows", rows.size()));
        });
        if (store.rules(code).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(checks.run(entry, RunTrigger.IMPORT));
    }

    public QualityRun run(Actor actor, String code) {
        return checks.run(writable(actor, code), RunTrigger.DEMAND);
    }

    /**
     * Runs every resource with a source and rules whose last run is at least {@code interval} old (by the
     * injected clock); returns how many ran. One resource's failure does not stop the others.
     */
    public int runDue() {
        Instant due = clock.instant().minus(properties.interval());
        int ran = 0;
        for (QualityBinding b : store.bindings()) {
            List<QualityRun> last = store.runs(b.entryCode(), 1);
            if ((!last.isEmpty() && last.get(0).ranAt().isAfter(due))
                    || store.rules(b.entryCode()).isEmpty()) {
                continue;
            }
            try {
                checks.run(catalog.get(SCHEDULER, b.entryCode(), false), RunTrigger.SCHEDULE);
                ran++;
            } catch (RuntimeException e) {
                log.warn("Quality run of {} failed: {}", b.entryCode(), e.toString());
            }
        }
        return ran;
    }

    /** The resource's latest run with its results and the scores of its last {@code trend} runs, oldest first. */
    public ResourceScorecard scorecard(Actor actor, String code, int trend) {
        actor.require(Permission.CATALOG_READ);
        CatalogEntry entry = catalog.get(actor, code, false);
        QualityBinding binding = store.binding(code).orElse(null);
        List<QualityRun> runs = store.runs(code, Math.max(1, Math.min(trend, 365)));
        QualityRun latest = null;
        if (!runs.isEmpty()) {
            QualityRun r = runs.get(0);
            latest = new QualityRun(
                    r.id(),
                    r.entryCode(),
                    r.department(),
                    r.trigger(),
                    r.ranAt(),
                    r.score(),
                    r.threshold(),
                    r.passed(),
                    r.eventPublished(),
                    store.results(r.id()));
        }
        List<TrendPoint> points = runs.stream()
                .sorted(Comparator.comparingLong(QualityRun::id))
                .map(r -> new TrendPoint(r.id(), r.ranAt(), r.score(), r.passed()))
                .toList();
        return new ResourceScorecard(
                code,
                entry.providerDepartment(),
                binding == null ? null : binding.source(),
                binding == null ? 0.9 : binding.threshold(),
                latest,
                points);
    }

    /** The average of the latest scores of the department's resources that were ever run. */
    public DepartmentScorecard department(Actor actor, String department) {
        actor.require(Permission.CATALOG_READ);
        List<ResourceScore> resources = store.latestOfDepartment(department).stream()
                .map(r -> new ResourceScore(r.entryCode(), r.score(), r.passed(), r.ranAt()))
                .toList();
        Double score = resources.isEmpty()
                ? null
                : Math.round(resources.stream()
                                        .mapToDouble(ResourceScore::score)
                                        .average()
                                        .orElse(0)
                                * 10_000)
                        / 10_000.0;
        return new DepartmentScorecard(department, score, resources);
    }

    private CatalogEntry writable(Actor actor, String code) {
        actor.require(Permission.CATALOG_WRITE);
        CatalogEntry entry = catalog.get(actor, code, false);
        actor.requireDepartment(DepartmentCode.of(entry.providerDepartment()));
        return entry;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
