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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cityos.basedata.internal.HeaderMapping;
import org.cityos.basedata.internal.OrganisationMatcher;
import org.cityos.basedata.internal.OrganisationRow;
import org.cityos.basedata.internal.OrganisationSurvivorship;
import org.cityos.basedata.persistence.BatchStore;
import org.cityos.basedata.persistence.OrganisationStore;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legal-entity base's two bulk paths, without access checks (the caller has made them): a department
 * file streamed into source records in one transaction, and a resolution run that matches every source
 * record ({@link OrganisationMatcher}) and rewrites golden records, memberships and decisions. Plain
 * constructor, so the benchmark drives the same code the application does.
 */
public final class OrganisationImport {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrganisationImport.class);

    private final OrganisationStore store;
    private final BatchStore batches;
    private final TransactionTemplate transactions;
    private final AddressLinker linker;
    private final Clock clock;

    public OrganisationImport(
            OrganisationStore store,
            BatchStore batches,
            PlatformTransactionManager transactions,
            AddressLinker linker,
            Clock clock) {
        this.store = store;
        this.batches = batches;
        this.transactions = new TransactionTemplate(transactions);
        this.linker = linker;
        this.clock = clock;
    }

    /** Stores the good rows and lists the bad ones; returns the batch id. A file unreadable as a whole throws. */
    public long load(String actorId, InputStream content, People.ImportFile file, String name) {
        return transactions.execute(status -> read(actorId, content, file, name));
    }

    private long read(String actorId, InputStream content, People.ImportFile file, String name) {
        try {
            BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
            Charset charset = FileCharset.named(file.charset());
            if (charset == null) {
                charset = FileCharset.guess(in);
            }
            Instant now = clock.instant();
            long batchId = batches.open(
                    "organisation", file.department(), name, charset.name(), now, actorId, file.synthetic());
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

    /** What a resolution run did. */
    public record Resolved(
            int sources, int organisations, int merged, int possible, int fuzzyCandidates, long comparisons) {}

    /** Matches the whole base and replaces golden records, memberships and decisions, in one transaction. */
    public Resolved resolve() {
        return transactions.execute(status -> {
            long began = System.nanoTime();
            List<SourceOrganisation> sources = store.loadSources();
            long read = System.nanoTime();
            OrganisationMatcher.Resolution resolution = OrganisationMatcher.resolve(sources);
            long matched = System.nanoTime();
            Map<Integer, List<SourceOrganisation>> clusters = new LinkedHashMap<>();
            int[] roots = resolution.roots();
            for (int i = 0; i < roots.length; i++) {
                clusters.computeIfAbsent(roots[i], r -> new ArrayList<>()).add(sources.get(i));
            }
            Instant now = clock.instant();
            List<Organisation> golden = new ArrayList<>(clusters.size());
            long[] members = new long[sources.size() * 2];
            int m = 0;
            for (List<SourceOrganisation> cluster : clusters.values()) {
                Organisation o = OrganisationSurvivorship.golden(cluster, now);
                golden.add(o);
                for (SourceOrganisation s : cluster) {
                    members[m++] = s.id();
                    members[m++] = o.id();
                }
            }
            try {
                store.replaceGolden(golden, members, resolution.decisions());
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of golden organisations failed", e);
            }
            int merged = (int) resolution.decisions().stream()
                    .filter(MatchDecision::merged)
                    .count();
            int possible = (int) resolution.decisions().stream()
                    .filter(d -> d.rule().equals("possible"))
                    .count();
            log.info(
                    "resolved {} organisation records into {}: read {} ms, matched {} ms ({} comparisons),"
                            + " written {} ms; {} merges, {} possible matches for a steward",
                    sources.size(),
                    golden.size(),
                    (read - began) / 1_000_000,
                    (matched - read) / 1_000_000,
                    resolution.comparisons(),
                    (System.nanoTime() - matched) / 1_000_000,
                    merged,
                    possible);
            return new Resolved(
                    sources.size(),
                    golden.size(),
                    merged,
                    possible,
                    resolution.fuzzyCandidates(),
                    resolution.comparisons());
        });
    }
}
