package org.cityos.spatial;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.internal.DivisionRules;
import org.cityos.spatial.persistence.DivisionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports division rows (from CSV or Excel, or reference data): every row is checked first, good
 * rows are applied in one transaction with parents before children, bad rows are reported with the
 * reason and applied nowhere. Re-importing the same file changes nothing.
 */
@Service
public class DivisionImports {
    public static final int MAX_ROWS = 100_000;

    private final DivisionRepository repository;
    private final AuditTrail audit;
    private final EventBus events;
    private final Clock clock;

    public DivisionImports(DivisionRepository repository, AuditTrail audit, EventBus events, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public DivisionImportReport importRows(Actor actor, List<DivisionRow> rows, boolean dryRun, String source) {
        actor.require(Permission.DIVISION_WRITE);
        List<RowIssue> issues = new ArrayList<>();
        List<Checked> valid = new ArrayList<>();
        Set<DivisionCode> seen = new HashSet<>();
        for (DivisionRow row : rows) {
            List<FieldIssue> problems = DivisionRules.check(row.code(), row.kind(), row.name());
            if (!problems.isEmpty()) {
                problems.forEach(p -> issues.add(issue(row, p)));
                continue;
            }
            DivisionCode code = DivisionCode.of(row.code().strip());
            if (!seen.add(code)) {
                issues.add(new RowIssue(row.row(), row.code(), "code", "problem.duplicate-in-file", code.value()));
                continue;
            }
            valid.add(new Checked(
                    row,
                    code,
                    DivisionRules.kind(row.kind()).orElseThrow(),
                    row.name().strip()));
        }
        valid.sort(Comparator.comparing((Checked c) -> c.code.level()).thenComparing(c -> c.code));
        Map<DivisionCode, Boolean> known = new HashMap<>();
        int created = 0, updated = 0, unchanged = 0;
        Instant now = clock.instant();
        for (Checked c : valid) {
            Optional<DivisionCode> parent = c.code.parent();
            if (parent.isEmpty()
                    || !known.computeIfAbsent(
                            parent.get(), p -> repository.find(p).isPresent())) {
                issues.add(new RowIssue(
                        c.row.row(),
                        c.code.value(),
                        "code",
                        "problem.unknown-parent",
                        parent.map(DivisionCode::value).orElse("-")));
                continue;
            }
            if (!actor.covers(c.code)) {
                issues.add(new RowIssue(
                        c.row.row(), c.code.value(), "code", "problem.division-out-of-scope", c.code.value()));
                continue;
            }
            Optional<Division> existing = repository.find(c.code);
            if (existing.isEmpty()) {
                created++;
                if (!dryRun) {
                    repository.insert(new Division(c.code, parent.get(), c.kind, c.name, false, source, 0, now), now);
                    events.publish(
                            new DivisionCreated(c.code.value(), parent.get().value(), c.kind.name(), c.name));
                }
            } else if (existing.get().name().equals(c.name) && existing.get().kind() == c.kind) {
                unchanged++;
            } else {
                updated++;
                if (!dryRun) {
                    repository.update(c.code, c.kind, c.name, existing.get().version(), now);
                    events.publish(new DivisionChanged(
                            c.code.value(),
                            c.kind.name(),
                            c.name,
                            existing.get().version() + 1));
                }
            }
            known.put(c.code, true);
        }
        issues.sort(Comparator.comparingInt(RowIssue::row));
        int failedRows =
                (int) issues.stream().mapToInt(RowIssue::row).distinct().count();
        DivisionImportReport report =
                new DivisionImportReport(dryRun, rows.size(), created, updated, unchanged, failedRows, issues);
        if (!dryRun && created + updated > 0) {
            audit.record(
                    actor,
                    "spatial.division.import",
                    "division-import",
                    source,
                    Map.of("rows", rows.size(), "created", created, "updated", updated, "failed", failedRows));
        }
        return report;
    }

    private static RowIssue issue(DivisionRow row, FieldIssue p) {
        return new RowIssue(row.row(), row.code(), p.field(), p.messageKey(), p.args());
    }

    private record Checked(DivisionRow row, DivisionCode code, DivisionKind kind, String name) {}
}
