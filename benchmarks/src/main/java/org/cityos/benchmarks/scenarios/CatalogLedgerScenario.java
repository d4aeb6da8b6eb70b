package org.cityos.benchmarks.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.ScenarioDatabase;
import org.cityos.catalog.LedgerVerification;
import org.cityos.catalog.internal.LedgerChainer;
import org.cityos.catalog.internal.LedgerEncoding;
import org.cityos.catalog.internal.LedgerVerifier;
import org.cityos.catalog.persistence.EntryStore;
import org.cityos.catalog.persistence.LedgerEntry;
import org.cityos.catalog.persistence.LedgerStore;
import org.cityos.catalog.persistence.StoredVersion;
import org.cityos.hashchain.ChainSigner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Verification of the catalogue ledger ("上链") at the scale: 100,000 catalogue entry versions, each with
 * realistic metadata JSON, put on the ledger, chained by the real chainer in batches with a signed checkpoint per
 * batch, then the whole ledger verified as {@code GET /api/catalog/ledger/verify} does (every link and hash, every
 * checkpoint signature, every version's content against its recorded digest). Figure: seconds per full
 * verification (goal ≤ 5 s); baseline: the least any verifier must do, reading the same rows in the same pages
 * and one bare SHA-256 over each version's JSON.
 */
public final class CatalogLedgerScenario {
    private static final int PAGE = 5_000;

    private CatalogLedgerScenario() {}

    public static List<Row> run(Mode mode, Path work) throws Exception {
        int versions = mode.isFull() ? 100_000 : 5_000;
        int rounds = mode.isFull() ? 5 : 1;
        HikariDataSource db = ScenarioDatabase.start(work, "catalog-postgres", "classpath:db/migration/catalog", 4);
        JdbcClient jdbc = JdbcClient.create(db);
        seed(jdbc, versions);
        LedgerStore ledger = new LedgerStore(db);
        EntryStore entries = new EntryStore(db);
        ChainSigner signer = ChainSigner.open(work.resolve("catalog-ledger.key"), LedgerEncoding.CHECKPOINT_TAG);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
        // A checkpoint after every batch of 5,000, as a busy import would get with the default 5 s interval.
        LedgerChainer chainer = new LedgerChainer(
                ledger, signer, transactions, Clock.systemUTC(), Duration.ofHours(1), PAGE, Duration.ofNanos(1));
        long chainStart = System.nanoTime();
        int chained = chainer.chainNow();
        double chainSeconds = (System.nanoTime() - chainStart) / 1e9;
        jdbc.sql("VACUUM ANALYZE").update();

        LedgerVerifier verifier = new LedgerVerifier(ledger, entries, signer, transactions, Clock.systemUTC());
        Histogram verify = new Histogram(3);
        Histogram baseline = new Histogram(3);
        LedgerVerification last = null;
        for (int round = 0; round <= rounds; round++) {
            long start = System.nanoTime();
            last = verifier.verify();
            long verifyMicros = (System.nanoTime() - start) / 1000;
            start = System.nanoTime();
            long hashed = readAndHash(ledger);
            long baseMicros = (System.nanoTime() - start) / 1000;
            if (hashed != versions) {
                throw new IllegalStateException("baseline read " + hashed + " of " + versions + " rows");
            }
            if (round > 0) { // the first round warms the JIT and PostgreSQL's cache for both
                verify.recordValue(Math.max(1, verifyMicros));
                baseline.recordValue(Math.max(1, baseMicros));
            }
        }
        if (!last.intact() || last.entriesChecked() != versions) {
            throw new IllegalStateException("ledger did not verify: " + last);
        }
        return List.of(new Row(
                "catalog ledger: verify the whole chain of " + Numbers.figure(versions)
                        + " entry versions (links, hashes, " + last.checkpointsChecked()
                        + " signed checkpoints, every version's content), median of " + verify.getTotalCount(),
                verify.getValueAtPercentile(50) / 1e6,
                "s (lower is better)",
                "read the same rows + bare SHA-256 of each version's JSON (s)",
                baseline.getValueAtPercentile(50) / 1e6,
                "verify max " + Numbers.seconds(verify.getMaxValue() / 1e6) + "; goal ≤ 5 s at 100,000; chaining "
                        + Numbers.figure(chained) + " rows took " + Numbers.seconds(chainSeconds)));
    }

    /** Entries with one version each and their unchained ledger rows, as the catalogue writes them. */
    private static void seed(JdbcClient jdbc, int versions) {
        jdbc.sql("INSERT INTO catalog_entry (code, version, status, resource_class, name, provider_department,"
                        + " sharing_type, open_type, search_text, changed_at)"
                        + " SELECT " + CODE + ", 1, 'ACTIVE', 3, '基准资源' || g, 'ecology', 'CONDITIONAL', 'CLOSED',"
                        + " '基准资源' || g, now() FROM generate_series(1, ?) g")
                .param(versions)
                .update();
        jdbc.sql("INSERT INTO catalog_entry_version (code, version, content, changed_by, changed_at, reason)"
                        + " SELECT " + CODE + ", 1, " + CONTENT + ", 'bench', now(), 'created'"
                        + " FROM generate_series(1, ?) g")
                .param(versions)
                .update();
        for (int from = 0; from < versions; from += PAGE) {
            List<StoredVersion> page = jdbc.sql("SELECT * FROM catalog_entry_version ORDER BY code OFFSET ? LIMIT ?")
                    .params(from, PAGE)
                    .query((rs, n) -> new StoredVersion(
                            rs.getString("code"),
                            rs.getInt("version"),
                            rs.getString("content"),
                            rs.getString("changed_by"),
                            rs.getObject("changed_at", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            rs.getString("reason")))
                    .list();
            List<Object[]> rows = new ArrayList<>();
            for (StoredVersion v : page) {
                rows.add(new Object[] {v.code(), LedgerEncoding.digest(v), v.changedAt()});
            }
            String[] codes = rows.stream().map(r -> (String) r[0]).toArray(String[]::new);
            byte[][] digests = rows.stream().map(r -> (byte[]) r[1]).toArray(byte[][]::new);
            java.sql.Timestamp[] at = rows.stream()
                    .map(r -> java.sql.Timestamp.from((Instant) r[2]))
                    .toArray(java.sql.Timestamp[]::new);
            jdbc.sql("INSERT INTO catalog_ledger (kind, subject, subject_version, content_digest, recorded_at)"
                            + " SELECT 'entry-version', c, 1, d, t"
                            + " FROM unnest(?::text[], ?::bytea[], ?::timestamptz[]) AS u(c, d, t)")
                    .params(codes, digests, at)
                    .update();
        }
    }

    /** A distinct class-item-entry-serial code per g (bijective up to 99 × 999 × 9,999). */
    private static final String CODE = "'3-' || lpad(((g - 1) / 9989001 % 99 + 1)::text, 2, '0') || '-'"
            + " || lpad(((g - 1) / 9999 % 999 + 1)::text, 3, '0') || '-' || lpad(((g - 1) % 9999 + 1)::text, 4, '0')";

    /** About 700 bytes of metadata JSON in the shape the catalogue stores. */
    private static final String CONTENT = "'{\"code\":{\"value\":\"' || " + CODE + " || '\"},\"status\":\"ACTIVE\","
            + "\"name\":\"基准资源' || g || '\",\"providerDepartment\":\"ecology\",\"summary\":\"大兴区空气质量监测站点"
            + "逐小时监测数据，含PM2.5、PM10、二氧化硫、二氧化氮、臭氧、一氧化碳浓度\",\"format\":\"DATABASE\","
            + "\"sharingType\":\"CONDITIONAL\",\"sharingCondition\":\"仅用于环境执法与应急处置\",\"openType\":\"CLOSED\","
            + "\"updateCycle\":\"REAL_TIME\",\"releaseDate\":\"2026-01-15\",\"contactName\":\"王芳\",\"contactPhone\":"
            + "\"13812345678\",\"items\":[{\"name\":\"station_id\",\"chineseName\":\"站点编号\",\"type\":\"STRING\","
            + "\"personal\":false},{\"name\":\"pm25\",\"chineseName\":\"PM2.5浓度\",\"type\":\"DECIMAL\",\"personal\""
            + ":false},{\"name\":\"observed_at\",\"chineseName\":\"监测时间\",\"type\":\"DATETIME\",\"personal\":false}]}'";

    /** The baseline: the verifier's reads (same query, same pages), one SHA-256 per version's JSON. */
    private static long readAndHash(LedgerStore ledger) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long rows = 0;
        long from = Long.MIN_VALUE;
        while (true) {
            List<LedgerEntry> page = ledger.chainedFrom(from, PAGE);
            for (LedgerEntry e : page) {
                sha256.digest(e.version().content().getBytes(StandardCharsets.UTF_8));
                rows++;
                from = e.chainSeq() + 1;
            }
            if (page.size() < PAGE) {
                return rows;
            }
        }
    }
}
