package org.cityos.basedata;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cityos.audit.AuditTrail;
import org.cityos.basedata.internal.HeaderMapping;
import org.cityos.basedata.internal.OrganisationRow;
import org.cityos.basedata.internal.OrganisationSurvivorship;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legal-entity base: department files of organisations imported (bad rows skipped and listed,
 * unreadable files refused whole), one golden record per unified social credit code by survivorship —
 * market regulation (the registrar) first for name, legal representative, industry and status, the
 * newest record for the address — and records without a code kept as they are (a name is too weak a key
 * for companies: branches and namesakes abound). Reads in division scope; the legal representative's
 * name is personal data, masked unless the identity group is unmasked, every unmasked read audited.
 */
public class Organisations {
    private final OrganisationStore store;
    private final BatchStore batches;
    private final TransactionTemplate transactions;
    private final AddressLinker linker;
    private final UnmaskCheck unmask;
    private final AuditTrail audit;
    private final Clock clock;

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
        this.transactions = new TransactionTemplate(transactions);
        this.linker = linker;
        this.unmask = unmask;
        this.audit = audit;
        this.clock = clock;
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
            batchId = transactions.execute(status -> load(actor, content, file, name));
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
        resolve();
        return report;
    }

    private long load(Actor actor, InputStream content, People.ImportFile file, String name) {
        try {
            BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
            Charset charset = FileCharset.named(file.charset());
            if (charset == null) {
                charset = FileCharset.guess(in);
            }
            Instant now = clock.instant();
            long batchId = batches.open(
                    "organisation", file.department(), name, charset.name(), now, actor.id(), file.synthetic());
            Map<String, AddressLink> links = new HashMap<>();
            Function<String, AddressLink> link = text -> links.computeIfAbsent(text, linker::link);
            List<SourceOrganisation> good = new ArrayList<>();
            List<RowIssue> issues = new ArrayList<>();
            int read = 0;
            int rejected = 0;
            try (CSVParser csv =
                    CSVParser.parse(new InputStreamReader(in, FileCharset.strict(charset)), CSVFormat.DEFAULT)) {
                HeaderMapping columns = null;
                for (CSVRecord record : csv) {
                    if (columns == null) {
                        columns = HeaderMapping.of(
                                record.toList(), file.mapping(), OrganisationRow.FIELDS, OrganisationRow.REQUIRED);
                        continue;
                    }
                    read++;
                    OrganisationRow.Checked checked = OrganisationRow.check(
                            record.toList(),
                            columns,
                            (int) record.getRecordNumber(),
                            batchId,
                            file.department(),
                            now,
                            file.synthetic(),
                            link);
                    if (checked.organisation() == null) {
                        rejected++;
                        checked.issues().stream()
                                .limit(Math.max(0, ImportReport.MAX_LISTED - issues.size()))
                                .forEach(issues::add);
                    } else {
                        good.add(checked.organisation());
                    }
                }
                if (columns == null) {
                    throw InvalidInput.of("file", "problem.empty-file");
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                String key = e.getCause() instanceof java.nio.charset.CharacterCodingException
                        ? "problem.file-charset"
                        : "problem.malformed-file";
                throw InvalidInput.of("file", key, read + 2);
            }
            store.append(good);
            batches.close(batchId, read, good.size(), rejected, issues);
            return batchId;
        } catch (IOException e) {
            throw InvalidInput.of("file", "problem.malformed-file", 1);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of organisations failed", e);
        }
    }

    /** One golden record per credit code; records without one stand alone. */
    void resolve() {
        transactions.executeWithoutResult(status -> {
            Map<String, List<SourceOrganisation>> byCode = new LinkedHashMap<>();
            List<List<SourceOrganisation>> clusters = new ArrayList<>();
            for (SourceOrganisation o : store.loadSources()) {
                if (o.creditCode() == null) {
                    clusters.add(List.of(o));
                } else {
                    byCode.computeIfAbsent(o.creditCode(), k -> new ArrayList<>())
                            .add(o);
                }
            }
            clusters.addAll(byCode.values());
            Instant now = clock.instant();
            List<Organisation> golden = new ArrayList<>();
            for (List<SourceOrganisation> members : clusters) {
                golden.add(OrganisationSurvivorship.golden(members, now));
            }
            try {
                store.replaceGolden(golden);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of golden organisations failed", e);
            }
        });
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
