package org.cityos.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The chainer's and the verifier's view of {@code audit_record}: unchained rows in, the chain out in order. */
public class ChainStore {
    /**
     * Advisory-lock key that makes one node at a time the chainer. Any constant works as long as no
     * other CityOS code uses it; this one spells "cityaudi" in ASCII.
     */
    static final long CHAIN_LOCK = 0x6369747961756469L;

    private static final String COLUMNS = "id, chain_seq, occurred_at, actor_id, actor_kind, actor_name, action,"
            + " target_type, target_id, division_code, details::text AS details, request_id, prev_hash, hash";

    private final JdbcClient jdbc;

    public ChainStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Takes the chainer lock for the current transaction; it is released at commit or rollback, so a
     * crashed node never keeps it. With {@code wait} false, returns false at once when another holds it.
     */
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

    public Optional<ChainLink> head() {
        return jdbc.sql("SELECT chain_seq, hash FROM audit_record WHERE chain_seq IS NOT NULL"
                        + " ORDER BY chain_seq DESC LIMIT 1")
                .query((rs, n) -> new ChainLink(rs.getLong("chain_seq"), rs.getBytes("hash")))
                .optional();
    }

    /** Committed rows not yet chained, oldest id first; a row that committed late simply comes later. */
    public List<StoredRecord> unchained(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_record WHERE chain_seq IS NULL ORDER BY id LIMIT ?")
                .param(limit)
                .query(ChainStore::row)
                .list();
    }

    /** Writes the chain fields of a whole batch in one statement instead of one UPDATE per row. */
    public void applyChain(List<StoredRecord> chained) {
        int n = chained.size();
        long[] ids = new long[n];
        long[] seqs = new long[n];
        byte[][] prevs = new byte[n][];
        byte[][] hashes = new byte[n][];
        for (int i = 0; i < n; i++) {
            StoredRecord r = chained.get(i);
            ids[i] = r.id();
            seqs[i] = r.chainSeq();
            prevs[i] = r.prevHash();
            hashes[i] = r.hash();
        }
        int updated = jdbc.sql("UPDATE audit_record r SET chain_seq = c.seq, prev_hash = c.prev, hash = c.hash"
                        + " FROM unnest(?::bigint[], ?::bigint[], ?::bytea[], ?::bytea[]) AS c(id, seq, prev, hash)"
                        + " WHERE r.id = c.id AND r.chain_seq IS NULL")
                .params(ids, seqs, prevs, hashes)
                .update();
        if (updated != n) {
            // Only possible if two chainers ran at once; failing rolls the whole batch back.
            throw new IllegalStateException("chained " + updated + " of " + n + " audit records; batch abandoned");
        }
    }

    /** Chained records from {@code fromSeq} on, in chain order; page with the last seq seen plus one. */
    public List<StoredRecord> chainedFrom(long fromSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_record WHERE chain_seq >= ? ORDER BY chain_seq LIMIT ?")
                .params(fromSeq, limit)
                .query(ChainStore::row)
                .list();
    }

    public long countUnchained() {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE chain_seq IS NULL")
                .query(Long.class)
                .single();
    }

    private static StoredRecord row(ResultSet rs, int n) throws SQLException {
        long seq = rs.getLong("chain_seq");
        Long chainSeq = rs.wasNull() ? null : seq;
        return new StoredRecord(
                rs.getLong("id"),
                chainSeq,
                Timestamps.read(rs, "occurred_at"),
                rs.getString("actor_id"),
                rs.getString("actor_kind"),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("division_code"),
                rs.getString("details"),
                rs.getString("request_id"),
                rs.getBytes("prev_hash"),
                rs.getBytes("hash"));
    }
}
