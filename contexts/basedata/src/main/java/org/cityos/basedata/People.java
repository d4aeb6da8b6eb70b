package org.cityos.basedata;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.audit.AuditTrail;
import org.cityos.basedata.persistence.BatchStore;
import org.cityos.basedata.persistence.GrantStore;
import org.cityos.basedata.persistence.PersonStore;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The population base database: department files imported and matched into golden records, read
 * within the reader's division scope with personal fields masked unless unmasked (every unmasked read
 * audited with the fields shown), lineage and match decisions of every record.
 */
public class People {
    private static final Logger log = LoggerFactory.getLogger(People.class);

    private final PersonImport imports;
    private final PersonStore store;
    private final BatchStore batches;
    private final GrantStore grants;
    private final UnmaskCheck unmask;
    private final AuditTrail audit;
    private final Clock clock;
    private final MeterRegistry meters;

    public People(
            PersonImport imports,
            PersonStore store,
            BatchStore batches,
            GrantStore grants,
            AuditTrail audit,
            Clock clock,
            MeterRegistry meters) {
        this.imports = imports;
        this.store = store;
        this.batches = batches;
        this.grants = grants;
        this.unmask = new UnmaskCheck(grants, clock);
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    /** A department file to import on behalf of {@code department}. */
    public record ImportFile(
            String department, String fileName, String charset, Map<String, String> mapping, boolean synthetic) {}

    /**
     * Stores the file's good rows, reports the skipped ones, and (when {@code resolve}) matches the
     * whole base again. A file refused as a whole is audited as refused, and nothing of it is stored.
     */
    public ImportReport importFile(Actor actor, InputStream content, ImportFile file, boolean resolve) {
        actor.require(Permission.BASEDATA_IMPORT);
        if (file.department() == null || file.department().isBlank()) {
            throw InvalidInput.of("department", "validation.required");
        }
        actor.requireDepartment(DepartmentCode.of(file.department()));
        String name = file.fileName() == null || file.fileName().isBlank() ? "upload.csv" : file.fileName();
        ImportReport report;
        try {
            report = imports.load(
                    content,
                    new PersonImport.Source(
                            file.department(), name, file.charset(), file.mapping(), file.synthetic(), actor.id()));
        } catch (DomainProblem e) {
            log.info("population file {} of {} refused: {}", name, file.department(), e.getMessage());
            audit.record(
                    actor,
                    "basedata.import.refused",
                    "basedata.batch",
                    name,
                    Map.of("department", file.department(), "reason", e.messageKey()));
            throw e;
        }
        audit.record(
                actor,
                "basedata.import",
                "basedata.batch",
                String.valueOf(report.batchId()),
                Map.of(
                        "department", report.department(),
                        "file", report.fileName(),
                        "rowsStored", report.rowsStored(),
                        "rowsRejected", report.rowsRejected(),
                        "synthetic", report.synthetic()));
        meters.counter("cityos.basedata.import.rows", "kind", "person", "outcome", "stored")
                .increment(report.rowsStored());
        meters.counter("cityos.basedata.import.rows", "kind", "person", "outcome", "rejected")
                .increment(report.rowsRejected());
        if (resolve) {
            resolveTimed();
        }
        return report;
    }

    public PersonImport.Resolved resolve(Actor actor) {
        actor.require(Permission.BASEDATA_IMPORT);
        PersonImport.Resolved resolved = resolveTimed();
        audit.record(
                actor,
                "basedata.resolve",
                "basedata.person",
                "*",
                Map.of("sources", resolved.sources(), "people", resolved.people(), "conflicts", resolved.conflicts()));
        return resolved;
    }

    private PersonImport.Resolved resolveTimed() {
        Timer.Sample sample = Timer.start(meters);
        PersonImport.Resolved resolved = imports.resolve();
        sample.stop(meters.timer("cityos.basedata.resolution", "kind", "person"));
        return resolved;
    }

    public ImportReport report(Actor actor, long batchId) {
        if (!actor.has(Permission.BASEDATA_IMPORT) && !actor.has(Permission.BASEDATA_READ)) {
            actor.require(Permission.BASEDATA_READ);
        }
        ImportReport report = batches.get(batchId).orElseThrow(() -> new NotFound("basedata.batch", batchId));
        if (!actor.coversDepartment(DepartmentCode.of(report.department()))) {
            throw new NotFound("basedata.batch", batchId);
        }
        return report;
    }

    /** People by ID number (15 or 18 digits) or exact name, within scope; {@code unmask} as for {@link #get}. */
    public List<PersonView> search(
            Actor actor, String idNumber, String name, PageRequest page, Set<FieldGroup> unmask) {
        actor.require(Permission.BASEDATA_READ);
        requireUnmask(actor, unmask);
        String id = null;
        if (idNumber != null && !idNumber.isBlank()) {
            IdNumber.Parsed parsed = IdNumber.parse(idNumber);
            if (!parsed.valid()) {
                throw InvalidInput.of("idNumber", parsed.fault().key());
            }
            id = parsed.number().value();
        }
        String n = name == null || name.isBlank() ? null : name.strip();
        if (id == null && n == null) {
            throw InvalidInput.of("q", "problem.search-key-required");
        }
        List<Person> found = actor.isSystem()
                ? store.search(id, n, null, true, page.offset(), page.limit())
                : store.search(id, n, prefixes(actor), seesUnplaced(actor), page.offset(), page.limit());
        List<PersonView> out = new ArrayList<>();
        for (Person p : found) {
            out.add(show(actor, p, unmask));
        }
        return out;
    }

    public PersonView get(Actor actor, long id, Set<FieldGroup> unmask) {
        actor.require(Permission.BASEDATA_READ);
        requireUnmask(actor, unmask);
        return show(actor, visible(actor, id), unmask);
    }

    public List<MatchDecision> matches(Actor actor, long id) {
        actor.require(Permission.BASEDATA_READ);
        visible(actor, id);
        return store.matchesOf(id);
    }

    /** Each field's value (masked unless unmasked, audited like a read) and the source it came from. */
    public List<FieldLineage> lineage(Actor actor, long id, Set<FieldGroup> unmask) {
        actor.require(Permission.BASEDATA_READ);
        requireUnmask(actor, unmask);
        Person p = visible(actor, id);
        PersonView shown = show(actor, p, unmask);
        Map<Long, SourcePerson> sources = new java.util.HashMap<>();
        for (SourcePerson s : store.sourcesOf(id)) {
            sources.put(s.id(), s);
        }
        List<FieldLineage> out = new ArrayList<>();
        for (String field : Person.FIELDS) {
            Long from = p.lineage().get(field);
            SourcePerson s = from == null ? null : sources.get(from);
            if (s == null) {
                continue;
            }
            BatchStore.Origin origin = batches.origin(s.batchId()).orElseThrow();
            out.add(new FieldLineage(
                    field,
                    valueOf(shown, field),
                    s.id(),
                    origin.department(),
                    origin.fileName(),
                    origin.batchId(),
                    s.row(),
                    origin.receivedAt(),
                    s.synthetic()));
        }
        return out;
    }

    /** Lets {@code actorId} see {@code group} unmasked until {@code until}; only a PII_UNMASK holder may. */
    public UnmaskGrant grant(Actor actor, String actorId, FieldGroup group, Instant until) {
        actor.require(Permission.PII_UNMASK);
        Instant now = clock.instant();
        if (actorId == null || actorId.isBlank()) {
            throw InvalidInput.of("actorId", "validation.required");
        }
        if (until == null || !until.isAfter(now)) {
            throw InvalidInput.of("expiresAt", "problem.expiry-in-past");
        }
        UnmaskGrant g = new UnmaskGrant(actorId, group, actor.id(), now, until);
        grants.put(g);
        audit.record(
                actor,
                "basedata.unmask.grant",
                "basedata.grant",
                actorId,
                Map.of("group", group.name(), "expiresAt", until.toString()));
        return g;
    }

    public void revoke(Actor actor, String actorId, FieldGroup group) {
        actor.require(Permission.PII_UNMASK);
        grants.revoke(actorId, group);
        audit.record(actor, "basedata.unmask.revoke", "basedata.grant", actorId, Map.of("group", group.name()));
    }

    private void requireUnmask(Actor actor, Set<FieldGroup> groups) {
        unmask.require(actor, groups);
    }

    private PersonView show(Actor actor, Person p, Set<FieldGroup> unmask) {
        Set<FieldGroup> groups = unmask.isEmpty() ? EnumSet.noneOf(FieldGroup.class) : EnumSet.copyOf(unmask);
        if (!groups.isEmpty()) {
            audit.recordUnmaskedRead(
                    actor,
                    "basedata.person",
                    String.valueOf(p.id()),
                    p.divisionCode() == null || !DivisionCode.isValid(p.divisionCode())
                            ? null
                            : DivisionCode.of(p.divisionCode()),
                    PersonView.fieldsOf(groups));
        }
        return PersonView.of(p, groups);
    }

    private Person visible(Actor actor, long id) {
        Person p = store.person(id).orElseThrow(() -> new NotFound("basedata.person", id));
        boolean inScope = p.divisionCode() == null || !DivisionCode.isValid(p.divisionCode())
                ? actor.isSystem() || seesUnplaced(actor)
                : actor.covers(DivisionCode.of(p.divisionCode()));
        if (!inScope) {
            // out of scope reads as absent: a person's existence is personal data too
            throw new NotFound("basedata.person", id);
        }
        return p;
    }

    private static List<String> prefixes(Actor actor) {
        return actor.divisions().stream().map(DivisionCode::prefix).toList();
    }

    /** Records without a place are seen by those who oversee a whole district or more. */
    private static boolean seesUnplaced(Actor actor) {
        return actor.divisions().stream().anyMatch(d -> d.level().ordinal() <= DivisionLevel.DISTRICT.ordinal());
    }

    private static String valueOf(PersonView v, String field) {
        return switch (field) {
            case "idNumber" -> v.idNumber();
            case "name" -> v.name();
            case "gender" -> v.gender();
            case "birthDate" -> v.birthDate();
            case "householdAddress" ->
                v.householdAddress() == null ? null : v.householdAddress().text();
            case "residenceAddress" ->
                v.residenceAddress() == null ? null : v.residenceAddress().text();
            case "phone" -> v.phone();
            default -> null;
        };
    }
}
