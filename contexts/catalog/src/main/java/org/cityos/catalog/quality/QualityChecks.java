package org.cityos.catalog.quality;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.catalog.CatalogEntry;
import org.cityos.catalog.DataItem;
import org.cityos.catalog.quality.QualityProblems.NoQualityRules;
import org.cityos.catalog.quality.QualityProblems.NoQualitySource;
import org.cityos.catalog.quality.QualityProblems.SourceUnavailable;
import org.cityos.catalog.quality.QualityRun.RunTrigger;
import org.cityos.kernel.event.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of a resource's rules: reads its rows, judges every rule, weighs the scores, and stores the run with
 * its results in one transaction with the {@link QualityFailed} event when the run fails after a pass (or as
 * the first run): casework hears of a failing resource once, not every night while it stays failing.
 */
class QualityChecks {
    private static final Logger log = LoggerFactory.getLogger(QualityChecks.class);

    private final QualityStore store;
    private final EventBus events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int maxRows;

    QualityChecks(
            QualityStore store,
            EventBus events,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters,
            int maxRows) {
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.maxRows = maxRows;
    }

    QualityRun run(CatalogEntry entry, RunTrigger trigger) {
        QualityBinding binding = store.binding(entry.code()).orElseThrow(() -> new NoQualitySource(entry.code()));
        List<QualityRule> rules = store.rules(entry.code());
        if (rules.isEmpty()) {
            throw new NoQualityRules(entry.code());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Map<String, String>> rows = rows(entry.code(), binding);
        Set<String> personal = entry.items().stream()
                .filter(DataItem::personal)
                .map(DataItem::name)
                .collect(Collectors.toSet());
        Map<String, Set<String>> others = new HashMap<>();
        RuleEvaluation.Context context = new RuleEvaluation.Context(
                now,
                entry.updateCycle(),
                binding.importedAt(),
                personal,
                (source, field) -> others.computeIfAbsent(source + "\n" + field, k -> otherValues(source, field)));
        List<RuleResult> results = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (QualityRule rule : rules) {
            RuleResult r = RuleEvaluation.evaluate(rule, rows, context);
            results.add(r);
            weighted += r.score() * rule.weight();
            weights += rule.weight();
        }
        double score = Math.round(weighted / weights * 10_000) / 10_000.0;
        boolean passed = score >= binding.threshold();
        QualityRun stored = transactions.execute(status -> {
            List<QualityRun> previous = store.runs(entry.code(), 1);
            boolean tell = !passed && (previous.isEmpty() || previous.get(0).passed());
            QualityRun run = new QualityRun(
                    0,
                    entry.code(),
                    entry.providerDepartment(),
                    trigger,
                    now,
                    score,
                    binding.threshold(),
                    passed,
                    tell,
                    results);
            long id = store.insertRun(run);
            if (tell) {
                List<String> failed = results.stream()
                        .filter(r -> !r.passed())
                        .map(r -> r.kind().name() + "#" + r.ruleId())
                        .toList();
                events.publish(new QualityFailed(
                        entry.code(),
                        entry.name(),
                        entry.providerDepartment(),
                        id,
                        score,
                        binding.threshold(),
                        failed));
            }
            return new QualityRun(
                    id, run.entryCode(), run.department(), trigger, now, score, run.threshold(), passed, tell, results);
        });
        meters.counter("cityos.catalog.quality.runs", "outcome", passed ? "passed" : "failed")
                .increment();
        log.info(
                "Quality run {} of {} ({}): score {} against {}",
                stored.id(),
                entry.code(),
                trigger,
                score,
                binding.threshold());
        return stored;
    }

    private List<Map<String, String>> rows(String code, QualityBinding binding) {
        QualitySource source = QualitySource.named(binding.source()).orElseThrow();
        if (source == QualitySource.IMPORTED) {
            return store.importedRows(code);
        }
        if (store.columns(source).isEmpty()) {
            throw new SourceUnavailable(source.sourceName());
        }
        return store.viewRows(source, maxRows);
    }

    private Set<String> otherValues(String sourceName, String field) {
        QualitySource source = QualitySource.named(sourceName).orElseThrow();
        if (store.columns(source).isEmpty()) {
            throw new SourceUnavailable(sourceName);
        }
        return store.distinct(source, field);
    }
}
