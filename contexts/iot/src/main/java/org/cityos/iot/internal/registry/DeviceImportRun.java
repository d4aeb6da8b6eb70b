package org.cityos.iot.internal.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceDraft;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceImportId;
import org.cityos.iot.DeviceImportJob.Issue;
import org.cityos.iot.DeviceProblems.DeviceOutsideDistrict;
import org.cityos.iot.DevicesImported;
import org.cityos.iot.persistence.DeviceImportRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.FieldIssue;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import at work: rows stream in, are parsed, checked and placed; every {@code batchSize} rows the
 * good ones go to the database in one JDBC batch, in one transaction with the job's progress, its row
 * issues and an audit entry, so the job's counts always equal what is stored. Rows whose vendor and
 * serial exist already are counted as existing, not added: importing a file twice adds nothing.
 * A dry run does the same work inside a transaction that is rolled back.
 */
public final class DeviceImportRun implements DeviceRows.Sink {
    /** Everything a run works with. */
    public record Tools(
            DeviceImportRepository jobs,
            DevicePlacing placing,
            Predicate<String> typeExists,
            Predicate<String> gatewayType,
            Predicate<DepartmentCode> departmentExists,
            AuditTrail audit,
            EventBus events,
            TransactionTemplate tx,
            Clock clock) {}

    private final Tools t;
    private final DeviceImportId job;
    private final Actor actor;
    private final DeviceRowParser parser;
    private final boolean dryRun;
    private final int batchSize;
    private final int maxIssues;
    private final Set<String> serialsSeen = new HashSet<>();
    /** Gateways of this file by vendor and serial, so later rows can report through them. */
    private final Map<String, DeviceId> gatewaysInFile = new HashMap<>();

    private final Map<String, DeviceId> registeredGateways = new HashMap<>();
    private final Map<DepartmentCode, Boolean> departments = new LinkedHashMap<>();
    private final List<Device> pending = new ArrayList<>();
    private final List<Issue> issues = new ArrayList<>();
    private int rowsInBatch;
    private int failedInBatch;
    private int issuesStored;
    private int rowsRead;

    public DeviceImportRun(
            Tools tools,
            DeviceImportId job,
            Actor actor,
            DeviceRowParser parser,
            boolean dryRun,
            int batchSize,
            int maxIssues) {
        this.t = tools;
        this.job = job;
        this.actor = actor;
        this.parser = parser;
        this.dryRun = dryRun;
        this.batchSize = batchSize;
        this.maxIssues = maxIssues;
    }

    public int rowsRead() {
        return rowsRead;
    }

    @Override
    public void row(int number, Map<String, String> cells) {
        rowsRead++;
        rowsInBatch++;
        List<FieldIssue> found = new ArrayList<>();
        Device device = check(cells, found);
        if (device == null) {
            failedInBatch++;
            for (FieldIssue i : found) {
                issues.add(new Issue(
                        number,
                        i.field(),
                        i.messageKey(),
                        java.util.Arrays.stream(i.args()).map(String::valueOf).toList()));
            }
        } else {
            pending.add(device);
        }
        if (rowsInBatch >= batchSize) {
            flush();
        }
    }

    private Device check(Map<String, String> cells, List<FieldIssue> found) {
        DeviceRowParser.Parsed parsed = parser.parse(cells);
        if (parsed.draft() == null) {
            found.addAll(parsed.issues());
            return null;
        }
        DeviceDraft d = parsed.draft();
        if (!t.typeExists().test(d.typeCode())) {
            found.add(new FieldIssue("type", "problem.unknown-device-type", d.typeCode()));
        }
        if (!departments.computeIfAbsent(d.department(), t.departmentExists()::test)) {
            found.add(new FieldIssue(
                    "department", "problem.unknown-department", d.department().value()));
        }
        for (DepartmentCode s : d.sharedWith()) {
            if (!departments.computeIfAbsent(s, t.departmentExists()::test)) {
                found.add(new FieldIssue("shared_with", "problem.unknown-department", s.value()));
            }
        }
        DivisionCode division = null;
        try {
            division = t.placing().divisionOf(d.location());
        } catch (DeviceOutsideDistrict e) {
            found.add(new FieldIssue(
                    "lon",
                    "problem.device-outside-district",
                    d.location().lon(),
                    d.location().lat()));
        }
        if (division != null && !actor.covers(division) && !actor.coversDepartment(d.department())) {
            found.add(new FieldIssue(
                    "lon",
                    "problem.device-out-of-scope",
                    division.value(),
                    d.department().value()));
        }
        DeviceId parent = parent(d.vendor(), cells.get(DeviceColumns.PARENT), found);
        if (!found.isEmpty()) {
            return null;
        }
        if (!serialsSeen.add(d.vendor() + "\u0000" + d.serial())) {
            found.add(new FieldIssue("serial", "problem.device-serial-repeated", d.vendor(), d.serial()));
            return null;
        }
        DeviceId id = DeviceId.random();
        if (t.gatewayType().test(d.typeCode())) {
            gatewaysInFile.put(d.vendor() + "\u0000" + d.serial(), id);
        }
        return new Device(
                id,
                d.typeCode(),
                d.name().strip(),
                d.vendor(),
                d.serial(),
                d.location(),
                d.address(),
                division,
                d.department(),
                d.maintainer(),
                d.installedOn(),
                d.state(),
                List.copyOf(new java.util.LinkedHashSet<>(d.tags())),
                parent,
                d.sharedWith(),
                0,
                null,
                null);
    }

    /**
     * The gateway named in the row's parent cell: one already registered (by id or serial; that wins, so a re-import
     * keeps the stored gateway), or a gateway row earlier in this file. Null when the cell is empty.
     */
    private DeviceId parent(String vendor, String cell, List<FieldIssue> found) {
        String reference = cell == null || cell.isBlank() ? null : cell.strip();
        if (reference == null) {
            return null;
        }
        String key = vendor + "\u0000" + reference;
        DeviceId known = registeredGateways.get(key);
        if (known != null) {
            return known;
        }
        List<FieldIssue> lookup = new ArrayList<>();
        java.util.Optional<DeviceId> registered = t.placing().registeredGateway(vendor, reference, lookup);
        if (registered.isPresent()) {
            registeredGateways.put(key, registered.get());
            return registered.get();
        }
        DeviceId inFile = gatewaysInFile.get(key);
        if (inFile != null && lookup.stream().allMatch(i -> i.messageKey().equals("problem.unknown-device"))) {
            return inFile;
        }
        if (inFile == null && serialsSeen.contains(key)) {
            found.add(new FieldIssue("parent", "problem.parent-not-gateway", reference));
        } else {
            found.addAll(lookup);
        }
        return null;
    }

    /** Writes what is pending; call once more after the last row. */
    public void flush() {
        if (rowsInBatch == 0) {
            return;
        }
        List<Device> batch = List.copyOf(pending);
        List<Issue> batchIssues = keptIssues();
        int read = rowsInBatch;
        int failed = failedInBatch;
        pending.clear();
        issues.clear();
        rowsInBatch = 0;
        failedInBatch = 0;
        int[] counts = new int[2];
        t.tx().executeWithoutResult(status -> {
            boolean[] inserted = batch.isEmpty()
                    ? new boolean[0]
                    : t.jobs().insertNew(batch, t.clock().instant());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i]) {
                    ids.add(batch.get(i).id().value());
                }
            }
            counts[0] = ids.size();
            counts[1] = batch.size() - ids.size();
            if (dryRun) {
                status.setRollbackOnly();
                return;
            }
            record(read, counts[0], counts[1], failed, batchIssues);
            if (!ids.isEmpty()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("import", job.toString());
                details.put("imported", ids.size());
                details.put("first", ids.get(0));
                details.put("last", ids.get(ids.size() - 1));
                t.audit().record(actor, "iot.device.import", "iot.device-import", job.toString(), details);
                t.events().publish(new DevicesImported(job.toString(), ids));
            }
        });
        if (dryRun) {
            t.tx().executeWithoutResult(status -> record(read, counts[0], counts[1], failed, batchIssues));
        }
    }

    private void record(int read, int imported, int existing, int failed, List<Issue> batchIssues) {
        t.jobs().advance(job, read, imported, existing, failed, t.clock().instant());
        if (!batchIssues.isEmpty()) {
            t.jobs().addIssues(job, issuesStored - batchIssues.size(), batchIssues);
        }
    }

    private List<Issue> keptIssues() {
        int room = Math.max(0, maxIssues - issuesStored);
        List<Issue> kept = issues.size() <= room ? List.copyOf(issues) : List.copyOf(issues.subList(0, room));
        issuesStored += kept.size();
        return kept;
    }
}
