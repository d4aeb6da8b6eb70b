package org.cityos.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signed checkpoints: written by the chainer, read by the verifier and by anyone exporting them. */
public class CheckpointStore {
    private static final String COLUMNS = "chain_seq, hash, signed_at, key_id, signature";

    private final JdbcClient jdbc;

    public CheckpointStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public Optional<StoredCheckpoint> latest() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY chain_seq DESC LIMIT 1")
                .query(CheckpointStore::row)
                .optional();
    }

    public void insert(StoredCheckpoint checkpoint) {
        jdbc.sql("INSERT INTO audit_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")
                .params(
                        checkpoint.chainSeq(),
                        checkpoint.hash(),
                        Timestamps.param(checkpoint.signedAt()),
                        checkpoint.keyId(),
                        checkpoint.signature())
                .update();
    }

    /** Checkpoints from {@code fromSeq} on, in chain order; page with the last seq seen plus one. */
    public List<StoredCheckpoint> from(long fromSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE chain_seq >= ? ORDER BY chain_seq LIMIT ?")
                .params(fromSeq, limit)
                .query(CheckpointStore::row)
                .list();
    }

    public Page<StoredCheckpoint> newestFirst(PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM audit_checkpoint")
                .query(Long.class)
                .single();
        List<StoredCheckpoint> items = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY chain_seq DESC OFFSET ? LIMIT ?")
                .params(page.offset(), page.limit())
                .query(CheckpointStore::row)
                .list();
        return new Page<>(items, total, page.offset(), page.limit());
    }

    private static StoredCheckpoint row(ResultSet rs, int n) throws SQLException {
        return new StoredCheckpoint(
                rs.getLong("chain_seq"),
                rs.getBytes("hash"),
                Timestamps.read(rs, "signed_at"),
                rs.getString("key_id"),
                rs.getBytes("signature"));
    }
}
