package org.cityos.basedata;

import java.io.InputStream;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.audit.AuditTrail;
import org.cityos.basedata.persistence.BatchStore;
import org.cityos.basedata.persistence.OrganisationStore;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The legal-entity base: department files of organisations imported (bad rows skipped and listed,
 * unreadable files refused whole) and matched — exact keys (credit code, the organisation code it embeds,
 * the old registration number), then blocked fuzzy matching of records without a credit code on the
 * normalised name with address and legal representative as evidence, possible matches queued for a
 * steward — into golden records by survivorship: market regulation (the registrar) first for name, legal
 * representative, industry and status, the newest record for the address. Reads in division scope; the legal representative's
 * name is personal data, masked unless the identity group is unmasked, every unmasked read audited.
 */
public class Organisations {
    private final OrganisationStore store;
    private final BatchStore batches;
    private final OrganisationImport imports;
    private final UnmaskCheck unmask;
    private final AuditTrail audit;

    public Organisations(
            OrganisationStore store,
            BatchStore batches,
            PlatformTransactionManager transactions,
            AddressLinker linker,
            UnmaskCheck unmask,
            AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.batches = batches;
        this.imports = new OrganisationImport(store, batches, transactions, linker, clock);
        this.unmask = unmask;
        this.audit = audit;
    }

    /** Stores the good rows, lists the bad ones, and rebuilds the golden records. */
    public ImportReport importFile(Actor actor, InputStream content, People.ImportFile file) {
        actor.require(Permission.BASEDATA_IMPORT);
        if (file.department() == null || file.department().isBlank()) {
            throw InvalidInput.of("department", "validation.required");
        }
        actor.requireDepartment(DepartmentCode.of(file.department()));
        String name = file.fileName() == null || file.fileName().isBlank() ? "upload.csv" : file.fileName();
        long batchId;
        try {
            batchId = imports.load(actor.id(), content, file, name);
        } catch (DomainProblem e) {
            audit.record(
                    actor,
                    "basedata.import.refused",
                    "basedata.batch",
                    name,
                    Map.of("department", file.department(), "reason", e.messageKey()));
            throw e;
        }
        ImportReport report = batches.get(batchId).orElseThrow();
        audit.record(
                actor,
                "basedata.import",
                "basedata.batch",
                String.valueOf(batchId),
                Map.of(
                        "department", report.department(),
                        "file", report.fileName(),
                        "rowsStored", report.rowsStored(),
                        "rowsRejected", report.rowsRejected(),
                        "synthetic", report.synthetic()));
        imports.resolve();
        return report;
    }

    /** Matches the whole base again: exact keys, then blocked fuzzy matching, then survivorship. */
    public OrganisationImport.Resolved resolve() {
        return imports.resolve();
    }

    /** The match decisions touching the organisation's records (in the reader's scope, as {@link #get}). */
    public List<MatchDecision> matches(Actor actor, long id) {
        get(actor, id, Set.of());
        return store.matchesOf(id);
    }

    /**
     * The steward's queue: possible matches (scored between the thresholds, not merged), best first. For
     * importers whose scope is a whole district or more: a pair may cross any division.
     */
    public List<MatchDecision> possibleMatches(Actor actor, PageRequest page) {
        actor.require(Permission.BASEDATA_IMPORT);
        if (!actor.isSystem() && !seesUnplaced(actor)) {
            throw new NotFound("basedata.organisation-matches", "possible");
        }
        return store.possibleMatches(page.offset(), page.limit());
    }

    public List<OrganisationView> search(
            Actor actor, String creditCode, String name, PageRequest page, Set<FieldGroup> groups) {
        actor.require(Permission.BASEDATA_READ);
        unmask.require(actor, groups);
        String code = null;
        if (creditCode != null && !creditCode.isBlank()) {
            CreditCode.Parsed parsed = CreditCode.parse(creditCode);
            if (!parsed.valid()) {
                throw InvalidInput.of("creditCode", parsed.fault().key());
            }
            code = parsed.code().value();
        }
        String n = name == null || name.isBlank() ? null : name.strip();
        if (code == null && n == null) {
            throw InvalidInput.of("q", "problem.search-key-required");
        }
        List<Organisation> found = actor.isSystem()
                ? store.search(code, n, null, true, page.offset(), page.limit())
                : store.search(
                        code,
                        n,
                        actor.divisions().stream().map(DivisionCode::prefix).toList(),
                        seesUnplaced(actor),
                        page.offset(),
                        page.limit());
        return found.stream().map(o -> show(actor, o, groups)).toList();
    }

    public OrganisationView get(Actor actor, long id, Set<FieldGroup> groups) {
        actor.require(Permission.BASEDATA_READ);
        unmask.require(actor, groups);
        Organisation o = store.organisation(id).orElseThrow(() -> new NotFound("basedata.organisation", id));
        String division = o.address() == null ? null : o.address().divisionCode();
        boolean inScope = division == null || !DivisionCode.isValid(division)
                ? actor.isSystem() || seesUnplaced(actor)
                : actor.covers(DivisionCode.of(division));
        if (!inScope) {
            throw new NotFound("basedata.organisation", id);
        }
        return show(actor, o, groups);
    }

    private OrganisationView show(Actor actor, Organisation o, Set<FieldGroup> groups) {
        Set<FieldGroup> shown = groups.contains(FieldGroup.IDENTITY)
                ? EnumSet.of(FieldGroup.IDENTITY)
                : EnumSet.noneOf(FieldGroup.class);
        if (!shown.isEmpty() && o.legalRepresentative() != null) {
            audit.recordUnmaskedRead(
                    actor, "basedata.organisation", String.valueOf(o.id()), List.of("legalRepresentative"));
        }
        return OrganisationView.of(o, shown);
    }

    private static boolean seesUnplaced(Actor actor) {
        return actor.divisions().stream().anyMatch(d -> d.level().ordinal() <= DivisionLevel.DISTRICT.ordinal());
    }
}
