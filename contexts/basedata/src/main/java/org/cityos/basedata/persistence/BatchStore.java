package org.cityos.basedata.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.basedata.ImportReport;
import org.cityos.basedata.RowIssue;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/** Department files received: one row per import, with its counts and row issues. */
public final class BatchStore {
    private final JdbcClient jdbc;

    public BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long open(
            String kind,
            String department,
            String fileName,
            String charset,
            Instant receivedAt,
            String actorId,
            boolean synthetic) {
        return jdbc.sql("""
                        INSERT INTO basedata_batch (kind, department, file_name, charset, received_at, actor_id, synthetic)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(kind, department, fileName, charset, Timestamp.from(receivedAt), actorId, synthetic)
                .query(Long.class)
                .single();
    }

    public void close(long id, int read, int stored, int rejected, List<RowIssue> issues) {
        jdbc.sql("""
                        UPDATE basedata_batch SET rows_read = ?, rows_stored = ?, rows_rejected = ?,
                               issues = CAST(? AS jsonb) WHERE id = ?""").params(read, stored, rejected, Json.write(issues), id).update();
    }

    public Optional<ImportReport> get(long id) {
        return jdbc.sql("SELECT * FROM basedata_batch WHERE id = ?")
                .param(id)
                .query((rs, n) -> new ImportReport(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("department"),
                        rs.getString("file_name"),
                        rs.getString("charset"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getInt("rows_read"),
                        rs.getInt("rows_stored"),
                        rs.getInt("rows_rejected"),
                        Json.read(rs.getString("issues"), new TypeReference<List<RowIssue>>() {}),
                        rs.getBoolean("synthetic")))
                .optional();
    }

    /** Where a source record came from, for lineage: department, file, batch, row, time. */
    public record Origin(long batchId, String department, String fileName, Instant receivedAt, boolean synthetic) {}

    public Optional<Origin> origin(long batchId) {
        return jdbc.sql("SELECT id, department, file_name, received_at, synthetic FROM basedata_batch WHERE id = ?")
                .param(batchId)
                .query((rs, n) -> new Origin(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)))
                .optional();
    }
}
