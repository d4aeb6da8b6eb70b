package org.cityos.basedata;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cityos.basedata.internal.HeaderMapping;
import org.cityos.basedata.internal.PersonMatcher;
import org.cityos.basedata.internal.PersonRow;
import org.cityos.basedata.internal.Survivorship;
import org.cityos.basedata.persistence.BatchStore;
import org.cityos.basedata.persistence.PersonSourceWriter;
import org.cityos.basedata.persistence.PersonStore;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path of the population base, without access checks (the {@link People} facade checks):
 * a department file streamed into source records by COPY in one transaction, and a resolution run
 * that matches every source record and rewrites the golden records. Plain constructor, so the
 * benchmark runs exactly this code without Spring.
 */
public final class PersonImport {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PersonImport.class);
    private final PersonStore people;
    private final BatchStore batches;
    private final TransactionTemplate transactions;
    private final AddressLinker linker;
    private final Clock clock;

    public PersonImport(
            DataSource dataSource, PlatformTransactionManager transactions, AddressLinker linker, Clock clock) {
        this.people = new PersonStore(dataSource);
        this.batches = new BatchStore(JdbcClient.create(dataSource));
        this.transactions = new TransactionTemplate(transactions);
        this.linker = linker;
        this.clock = clock;
    }

    /** One file to load: where it comes from and how to read it. */
    public record Source(
            String department,
            String fileName,
            String charset,
            Map<String, String> mapping,
            boolean synthetic,
            String actorId) {
        public Source {
            mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        }
    }

    /**
     * Stores every good row of the file and reports the others; a file that cannot be read as a whole
     * (unknown columns, bad encoding, broken quoting) is refused and nothing of it is stored.
     */
    public ImportReport load(InputStream content, Source source) {
        BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
        Charset charset;
        try {
            charset = FileCharset.named(source.charset());
            if (charset == null) {
                charset = FileCharset.guess(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Charset chosen = charset;
        Instant now = clock.instant();
        long batchId = transactions.execute(status -> {
            try {
                return loadIn(in, source, chosen, now);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of source records failed", e);
            }
        });
        ImportReport report = batches.get(batchId).orElseThrow();
        log.info(
                "imported {} of {}: {} rows stored, {} rejected, in {} ms",
                report.fileName(),
                report.department(),
                report.rowsStored(),
                report.rowsRejected(),
                java.time.Duration.between(now, clock.instant()).toMillis());
        return report;
    }

    private long loadIn(BufferedInputStream in, Source source, Charset charset, Instant now) throws SQLException {
        long batchId = batches.open(
                "person",
                source.department(),
                source.fileName(),
                charset.name(),
                now,
                source.actorId(),
                source.synthetic());
        Map<String, AddressLink> links = new HashMap<>();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<RowIssue> issues = new ArrayList<>();
        int read = 0;
        int stored = 0;
        int rejected = 0;
        Reader reader = new InputStreamReader(in, FileCharset.strict(charset));
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser csv = CSVParser.parse(reader, format);
                PersonSourceWriter writer = people.sourceWriter()) {
            HeaderMapping columns = null;
            for (CSVRecord record : csv) {
                List<String> cells = record.toList();
                if (columns == null) {
                    columns = HeaderMapping.of(cells, source.mapping(), PersonRow.FIELDS, PersonRow.REQUIRED);
                    continue;
                }
                read++;
                PersonRow.Checked checked = PersonRow.check(
                        cells,
                        columns,
                        (int) record.getRecordNumber(),
                        batchId,
                        source.department(),
                        now,
                        source.synthetic(),
                        text -> links.computeIfAbsent(text, linker::link),
                        today);
                if (checked.person() == null) {
                    rejected++;
                    for (RowIssue issue : checked.issues()) {
                        if (issues.size() < ImportReport.MAX_LISTED) {
                            issues.add(issue);
                        }
                    }
                } else {
                    writer.write(checked.person());
                    stored++;
                }
            }
            if (columns == null) {
                throw InvalidInput.of("file", "problem.empty-file");
            }
            writer.finish();
        } catch (UncheckedIOException e) {
            throw refused(e.getCause(), read);
        } catch (IOException e) {
            throw refused(e, read);
        } catch (IllegalStateException e) {
            // commons-csv reports broken quoting as an IllegalStateException wrapping an IOException
            if (e.getCause() instanceof IOException io) {
                throw refused(io, read);
            }
            throw e;
        }
        batches.close(batchId, read, stored, rejected, issues);
        return batchId;
    }

    private static InvalidInput refused(IOException e, int rowsRead) {
        if (e instanceof CharacterCodingException) {
            return InvalidInput.of("file", "problem.file-charset", rowsRead + 2);
        }
        return InvalidInput.of("file", "problem.malformed-file", rowsRead + 2);
    }

    /** What a resolution run found. */
    public record Resolved(int sources, int people, int merged, int conflicts, int fuzzyCandidates, long comparisons) {}

    /** Matches every source record and replaces the golden records, in one transaction. */
    public Resolved resolve() {
        return transactions.execute(status -> {
            long began = System.nanoTime();
            List<SourcePerson> sources = people.loadSources();
            long loaded = System.nanoTime();
            PersonMatcher.Resolution resolution = PersonMatcher.resolve(sources);
            long matched = System.nanoTime();
            int[] roots = resolution.roots();
            int n = sources.size();
            int[] head = new int[n];
            int[] next = new int[n];
            java.util.Arrays.fill(head, -1);
            for (int i = n - 1; i >= 0; i--) {
                next[i] = head[roots[i]];
                head[roots[i]] = i;
            }
            Instant now = clock.instant();
            List<Person> golden = new ArrayList<>();
            long[] members = new long[n * 2];
            List<SourcePerson> cluster = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (roots[r] != r) {
                    continue;
                }
                cluster.clear();
                for (int i = head[r]; i >= 0; i = next[i]) {
                    cluster.add(sources.get(i));
                }
                Person p = Survivorship.golden(cluster, now);
                golden.add(p);
                for (int i = head[r]; i >= 0; i = next[i]) {
                    members[2 * i] = sources.get(i).id();
                    members[2 * i + 1] = p.id();
                }
            }
            int conflicts = (int)
                    resolution.decisions().stream().filter(d -> !d.merged()).count();
            long survived = System.nanoTime();
            try {
                people.replaceGolden(golden, members, resolution.decisions());
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of golden records failed", e);
            }
            log.info(
                    "resolved {} source records into {} people: read {} ms, matched {} ms, survivorship {} ms,"
                            + " written {} ms",
                    n,
                    golden.size(),
                    (loaded - began) / 1_000_000,
                    (matched - loaded) / 1_000_000,
                    (survived - matched) / 1_000_000,
                    (System.nanoTime() - survived) / 1_000_000);
            return new Resolved(
                    n,
                    golden.size(),
                    n - golden.size(),
                    conflicts,
                    resolution.fuzzyCandidates(),
                    resolution.comparisons());
        });
    }
}
