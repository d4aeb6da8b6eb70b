package org.cityos.catalog.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cityos.hashchain.Checkpoint;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's rows and signed checkpoints: appended by writers, linked by the chainer, read by the verifier. */
public class LedgerStore {
    /** Advisory-lock key for the one ledger chainer across nodes; spells "catledgr" in ASCII. */
    static final long CHAIN_LOCK = 0x6361746c65646772L;

    // What a ledger row records, as stored now: an entry version, or a sharing decision (always its version 1).
    private static final String COLUMNS = "l.id, l.chain_seq, l.kind, l.subject, l.subject_version,"
            + " l.content_digest, l.recorded_at, l.prev_hash, l.hash,"
            + " CASE WHEN v.version IS NOT NULL THEN v.content ELSE s.decision_content END AS content,"
            + " CASE WHEN v.version IS NOT NULL THEN v.changed_by ELSE s.decided_by END AS changed_by,"
            + " CASE WHEN v.version IS NOT NULL THEN v.changed_at ELSE s.decided_at END AS changed_at,"
            + " CASE WHEN v.version IS NOT NULL THEN v.reason ELSE s.decision_reason END AS reason,"
            + " CASE WHEN v.version IS NOT NULL THEN v.version WHEN s.id IS NOT NULL THEN 1 END AS v_version";
    private static final String FROM = " FROM catalog_ledger l LEFT JOIN catalog_entry_version v"
            + " ON l.kind = 'entry-version' AND v.code = l.subject AND v.version = l.subject_version"
            + " LEFT JOIN catalog_share_request s ON l.kind = 'share-decision' AND s.id = l.subject"
            + " AND l.subject_version = 1 AND s.decision_content IS NOT NULL";

    private final JdbcClient jdbc;

    public LedgerStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Appends an unchained row in the caller's transaction. */
    public void append(String kind, String subject, int subjectVersion, byte[] contentDigest, Instant at) {
        jdbc.sql("INSERT INTO catalog_ledger (kind, subject, subject_version, content_digest, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(kind, subject, subjectVersion, contentDigest, Timestamps.param(at))
                .update();
    }

    /** Takes the chainer lock for this transaction; with {@code wait} false, false at once if another holds it. */
    public boolean lockChain(boolean wait) {
        if (wait) {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                    .param(CHAIN_LOCK)
                    .query()
                    .singleRow();
            return true;
        }
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
                .param(CHAIN_LOCK)
                .query(Boolean.class)
                .single();
    }

    /** The last chained row's position and hash. */
    public Optional<Checkpoint> head() {
        return jdbc.sql("SELECT chain_seq, hash FROM catalog_ledger WHERE chain_seq IS NOT NULL"
                        + " ORDER BY chain_seq DESC LIMIT 1")
                .query((rs, n) -> new Checkpoint(rs.getLong("chain_seq"), rs.getBytes("hash"), null, null, null))
                .optional();
    }

    public List<LedgerEntry> unchained(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE l.chain_seq IS NULL ORDER BY l.id LIMIT ?")
                .param(limit)
                .query(LedgerStore::row)
                .list();
    }

    /** Writes the chain fields of a whole batch in one statement. */
    public void applyChain(List<LedgerEntry> chained) {
        int n = chained.size();
        long[] ids = new long[n];
        long[] seqs = new long[n];
        byte[][] prevs = new byte[n][];
        byte[][] hashes = new byte[n][];
        for (int i = 0; i < n; i++) {
            LedgerEntry e = chained.get(i);
            ids[i] = e.id();
            seqs[i] = e.chainSeq();
            prevs[i] = e.prevHash();
            hashes[i] = e.hash();
        }
        int updated = jdbc.sql("UPDATE catalog_ledger l SET chain_seq = c.seq, prev_hash = c.prev, hash = c.hash"
                        + " FROM unnest(?::bigint[], ?::bigint[], ?::bytea[], ?::bytea[]) AS c(id, seq, prev, hash)"
                        + " WHERE l.id = c.id AND l.chain_seq IS NULL")
                .params(ids, seqs, prevs, hashes)
                .update();
        if (updated != n) {
            throw new IllegalStateException("chained " + updated + " of " + n + " ledger rows; batch abandoned");
        }
    }

    /** Chained rows from {@code fromSeq} on, in chain order, with the versions they record. */
    public List<LedgerEntry> chainedFrom(long fromSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE l.chain_seq >= ? ORDER BY l.chain_seq LIMIT ?")
                .params(fromSeq, limit)
                .query(LedgerStore::row)
                .list();
    }

    /** Every ledger row about one subject (chained or not), by version. */
    public List<LedgerEntry> ofSubject(String kind, String subject) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE l.kind = ? AND l.subject = ?"
                        + " ORDER BY l.subject_version, l.id")
                .params(kind, subject)
                .query(LedgerStore::row)
                .list();
    }

    /** The row at a chain position, if any. */
    public Optional<LedgerEntry> at(long seq) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE l.chain_seq = ?")
                .param(seq)
                .query(LedgerStore::row)
                .optional();
    }

    public long countUnchained() {
        return jdbc.sql("SELECT count(*) FROM catalog_ledger WHERE chain_seq IS NULL")
                .query(Long.class)
                .single();
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return jdbc.sql("SELECT * FROM catalog_ledger_checkpoint ORDER BY chain_seq DESC LIMIT 1")
                .query(LedgerStore::checkpoint)
                .optional();
    }

    public void insertCheckpoint(Checkpoint c) {
        jdbc.sql("INSERT INTO catalog_ledger_checkpoint (chain_seq, hash, signed_at, key_id, signature)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(c.seq(), c.hash(), Timestamps.param(c.signedAt()), c.keyId(), c.signature())
                .update();
    }

    public List<Checkpoint> checkpointsFrom(long fromSeq, int limit) {
        return jdbc.sql("SELECT * FROM catalog_ledger_checkpoint WHERE chain_seq >= ? ORDER BY chain_seq LIMIT ?")
                .params(fromSeq, limit)
                .query(LedgerStore::checkpoint)
                .list();
    }

    private static Checkpoint checkpoint(ResultSet rs, int n) throws SQLException {
        return new Checkpoint(
                rs.getLong("chain_seq"),
                rs.getBytes("hash"),
                Timestamps.read(rs, "signed_at"),
                rs.getString("key_id"),
                rs.getBytes("signature"));
    }

    private static LedgerEntry row(ResultSet rs, int n) throws SQLException {
        long seq = rs.getLong("chain_seq");
        Long chainSeq = rs.wasNull() ? null : seq;
        rs.getInt("v_version");
        StoredVersion version = rs.wasNull()
                ? null
                : new StoredVersion(
                        rs.getString("subject"),
                        rs.getInt("v_version"),
                        rs.getString("content"),
                        rs.getString("changed_by"),
                        Timestamps.read(rs, "changed_at"),
                        rs.getString("reason"));
        return new LedgerEntry(
                rs.getLong("id"),
                chainSeq,
                rs.getString("kind"),
                rs.getString("subject"),
                rs.getInt("subject_version"),
                rs.getBytes("content_digest"),
                Timestamps.read(rs, "recorded_at"),
                rs.getBytes("prev_hash"),
                rs.getBytes("hash"),
                version);
    }
}
