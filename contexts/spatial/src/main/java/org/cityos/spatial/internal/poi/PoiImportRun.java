package org.cityos.spatial.internal.poi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.Poi;
import org.cityos.spatial.PoiId;
import org.cityos.spatial.PoiImportId;
import org.cityos.spatial.PoisImported;
import org.cityos.spatial.RowIssue;
import org.cityos.spatial.persistence.PoiImportRepository;
import org.cityos.spatial.persistence.PoiImportRepository.Progress;
import org.cityos.spatial.persistence.PoiRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import job at work: rows stream in from the reader, are checked and placed, and every
 * {@code batchSize} rows are written in one transaction together with the job's progress, its row
 * issues and an audit record, so the job's counts always equal what the database holds. Rows keyed
 * by an external id update the POI with that id instead of adding one: importing a file twice adds
 * nothing the second time.
 */
public final class PoiImportRun implements PoiRowSink {
    /** Everything a run works with. */
    public record Tools(
            PoiRepository pois,
            PoiImportRepository jobs,
            PoiNames names,
            PoiPlacer placer,
            LocalProjection projection,
            AuditTrail audit,
            EventBus events,
            TransactionTemplate tx,
            Clock clock) {}

    private final Tools t;
    private final PoiImportId job;
    private final Actor actor;
    private final PoiRowCheck check;
    private final boolean dryRun;
    private final int batchSize;
    private final int maxRows;
    private final int maxIssues;
    private final String source;
    private final Set<String> externalIdsSeen = new HashSet<>();
    private final List<PoiRow> pending = new ArrayList<>();
    private int rowsRead;
    private int issuesStored;

    public PoiImportRun(
            Tools tools,
            PoiImportId job,
            Actor actor,
            PoiRowCheck check,
            boolean dryRun,
            int batchSize,
            int maxRows,
            int maxIssues,
            String source) {
        this.t = tools;
        this.job = job;
        this.actor = actor;
        this.check = check;
        this.dryRun = dryRun;
        this.batchSize = batchSize;
        this.maxRows = maxRows;
        this.maxIssues = maxIssues;
        this.source = source;
    }

    /** Reads the whole file; returns normally when every row was handled, throws when reading broke. */
    public void run(PoiFileReader reader, Path file) {
        t.jobs().start(job, t.clock().instant());
        try {
            reader.read(file, this);
        } catch (RuntimeException broken) {
            // The rows read whole before the break are handled as promised; the report names the break.
            flush();
            throw broken;
        }
        flush();
    }

    /** Rows read before a break were committed; the caller reports where it broke. */
    public int rowsRead() {
        return rowsRead;
    }

    @Override
    public void accept(PoiRow row) {
        if (rowsRead >= maxRows) {
            throw new PoiFileReader.Broken(rowsRead, "more than " + maxRows + " rows", null);
        }
        rowsRead++;
        pending.add(row);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<PoiRow> batch = List.copyOf(pending);
        pending.clear();
        t.tx().executeWithoutResult(status -> commit(batch));
    }

    private record Good(PoiRow row, Poi poi) {}

    private void commit(List<PoiRow> batch) {
        List<RowIssue> issues = new ArrayList<>();
        List<Good> good = new ArrayList<>();
        var now = t.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        for (PoiRow row : batch) {
            PoiRowCheck.Checked c = check.check(row);
            String key = row.get(PoiColumns.EXTERNAL_ID) != null
                    ? row.get(PoiColumns.EXTERNAL_ID)
                    : row.get(PoiColumns.NAME);
            if (!c.issues().isEmpty()) {
                c.issues().forEach(i -> issues.add(issue(row, key, i)));
                continue;
            }
            var d = c.draft();
            var at = t.placer().assign(d.location());
            if (at.isEmpty()) {
                issues.add(new RowIssue(
                        row.row(),
                        key,
                        "location",
                        "problem.poi-outside-district",
                        String.valueOf(d.location().lon()),
                        String.valueOf(d.location().lat())));
                continue;
            }
            var place = at.get().grid() != null ? at.get().grid() : at.get().division();
            if (!actor.covers(place)) {
                issues.add(new RowIssue(row.row(), key, "location", "problem.division-out-of-scope", place.value()));
                continue;
            }
            if (d.externalId() != null && !externalIdsSeen.add(d.externalId())) {
                issues.add(new RowIssue(row.row(), key, "externalId", "problem.poi-duplicate-in-file", d.externalId()));
                continue;
            }
            good.add(new Good(
                    row,
                    new Poi(
                            PoiId.random(),
                            d.classCode(),
                            d.name(),
                            d.location(),
                            at.get().division(),
                            at.get().grid(),
                            PoiRules.clean(d.address()),
                            PoiRules.clean(d.phone()),
                            d.attributes(),
                            PoiRules.clean(d.externalId()),
                            false,
                            source,
                            0,
                            now,
                            now)));
        }
        Map<String, Poi> existing = t.pois()
                .findByExternalIds(good.stream()
                        .map(g -> g.poi().externalId())
                        .filter(Objects::nonNull)
                        .toList());
        int imported = 0, updated = 0, unchanged = 0;
        List<Poi> written = new ArrayList<>();
        for (Good g : good) {
            Poi fresh = g.poi();
            Poi current = fresh.externalId() == null ? null : existing.get(fresh.externalId());
            if (current == null) {
                imported++;
                if (!dryRun) {
                    t.pois().insert(fresh, t.projection());
                    written.add(fresh);
                }
            } else if (!actor.covers(current.place())) {
                issues.add(new RowIssue(
                        g.row().row(),
                        fresh.externalId(),
                        "externalId",
                        "problem.division-out-of-scope",
                        current.place().value()));
            } else if (sameContent(current, fresh)) {
                unchanged++;
            } else {
                Poi changed = new Poi(
                        current.id(),
                        fresh.classCode(),
                        fresh.name(),
                        fresh.location(),
                        fresh.division(),
                        fresh.grid(),
                        fresh.address(),
                        fresh.phone(),
                        fresh.attributes(),
                        fresh.externalId(),
                        current.synthetic(),
                        source,
                        current.version() + 1,
                        current.createdAt(),
                        now);
                updated++;
                if (!dryRun) {
                    t.pois().update(changed, current.version(), t.projection());
                    written.add(changed);
                }
            }
        }
        int failed = (int) issues.stream().mapToInt(RowIssue::row).distinct().count();
        int keep = Math.max(0, Math.min(issues.size(), maxIssues - issuesStored));
        t.jobs().addIssues(job, issuesStored, issues.subList(0, keep));
        issuesStored += keep;
        t.jobs().advance(job, new Progress(batch.size(), imported, updated, unchanged, failed), now);
        if (!written.isEmpty()) {
            int first = batch.get(0).row();
            int last = batch.get(batch.size() - 1).row();
            t.audit()
                    .record(
                            actor,
                            "spatial.poi.import",
                            "poi-import",
                            job.toString(),
                            Map.of("firstRow", first, "lastRow", last, "imported", imported, "updated", updated));
            t.events().publish(new PoisImported(job.toString(), first, last, imported, updated));
            t.names().afterCommit(written, List.of());
        }
    }

    private static boolean sameContent(Poi a, Poi b) {
        return a.classCode().equals(b.classCode())
                && a.name().equals(b.name())
                && Math.abs(a.location().lon() - b.location().lon()) < 1e-9
                && Math.abs(a.location().lat() - b.location().lat()) < 1e-9
                && Objects.equals(a.address(), b.address())
                && Objects.equals(a.phone(), b.phone())
                && sameAttributes(a.attributes(), b.attributes());
    }

    /** Numbers read back from jsonb may change type (1 vs 1.0); compare them by text. */
    private static boolean sameAttributes(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.keySet().stream().allMatch(k -> String.valueOf(a.get(k)).equals(String.valueOf(b.get(k))));
    }

    private static RowIssue issue(PoiRow row, String key, FieldIssue i) {
        return new RowIssue(row.row(), key, i.field(), i.messageKey(), i.args());
    }
}
