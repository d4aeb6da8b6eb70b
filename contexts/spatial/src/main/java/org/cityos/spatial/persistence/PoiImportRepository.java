package org.cityos.spatial.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cityos.spatial.PoiImportId;
import org.cityos.spatial.PoiImportJob;
import org.cityos.spatial.PoiImportJob.State;
import org.cityos.spatial.RowIssue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Import jobs and their row issues; progress is written in the same transaction as the rows it counts. */
@Repository
public class PoiImportRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {};
    private final JdbcClient jdbc;

    public PoiImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts to add to a job after one committed batch. */
    public record Progress(int rowsRead, int imported, int updated, int unchanged, int failed) {}

    public void create(
            PoiImportId id, String actorId, String filename, String format, String crs, boolean dryRun, Instant now) {
        jdbc.sql("INSERT INTO spatial_poi_import (id, actor_id, filename, format, crs, dry_run, state, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)")
                .params(id.value(), actorId, filename, format, crs, dryRun, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    public void start(PoiImportId id, Instant now) {
        jdbc.sql("UPDATE spatial_poi_import SET state = 'RUNNING', updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id.value())
                .update();
    }

    public void advance(PoiImportId id, Progress p, Instant now) {
        jdbc.sql("UPDATE spatial_poi_import SET rows_read = rows_read + ?, imported = imported + ?,"
                        + " updated = updated + ?, unchanged = unchanged + ?, failed = failed + ?, updated_at = ?"
                        + " WHERE id = ?")
                .params(
                        p.rowsRead(),
                        p.imported(),
                        p.updated(),
                        p.unchanged(),
                        p.failed(),
                        Timestamp.from(now),
                        id.value())
                .update();
    }

    /** Stores issues numbered from {@code firstSeq}; the caller caps how many a job keeps. */
    public void addIssues(PoiImportId id, int firstSeq, List<RowIssue> issues) {
        int seq = firstSeq;
        for (RowIssue i : issues) {
            jdbc.sql("INSERT INTO spatial_poi_import_issue (import_id, seq, row_number, row_key, field, message_key,"
                            + " args) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))")
                    .params(
                            id.value(),
                            seq++,
                            i.row(),
                            i.code(),
                            i.field(),
                            i.messageKey(),
                            JSON.writeValueAsString(
                                    Arrays.stream(i.args()).map(String::valueOf).toList()))
                    .update();
        }
    }

    public void finish(PoiImportId id, State state, String messageKey, List<Object> args, Instant now) {
        jdbc.sql("UPDATE spatial_poi_import SET state = ?, message_key = ?, message_args = CAST(? AS jsonb),"
                        + " updated_at = ?, finished_at = ? WHERE id = ?")
                .params(
                        state.name(),
                        messageKey,
                        JSON.writeValueAsString(
                                args.stream().map(String::valueOf).toList()),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        id.value())
                .update();
    }

    /** Marks jobs that stopped making progress (their node died) as failed; returns how many. */
    public int failStale(Instant before, Instant now) {
        return jdbc.sql(
                        "UPDATE spatial_poi_import SET state = 'FAILED', message_key = 'problem.poi-import-interrupted',"
                                + " message_args = '[]'::jsonb, finished_at = ?, updated_at = ?"
                                + " WHERE state IN ('QUEUED', 'RUNNING') AND updated_at < ?")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(before))
                .update();
    }

    public Optional<PoiImportJob> find(PoiImportId id, int maxIssues) {
        // The job first, its issues after (as for device imports): issues are committed with their batch, before the
        // job is finished, so a job read as finished always comes with all of them.
        Optional<PoiImportJob> job = jdbc.sql("SELECT * FROM spatial_poi_import WHERE id = ?")
                .param(id.value())
                .query((rs, i) -> map(rs, List.of(), 0))
                .optional();
        if (job.isEmpty()) {
            return job;
        }
        List<RowIssue> issues = jdbc.sql("SELECT row_number, row_key, field, message_key, args::text"
                        + " FROM spatial_poi_import_issue WHERE import_id = ? ORDER BY row_number, seq LIMIT ?")
                .params(id.value(), maxIssues)
                .query((rs, i) -> new RowIssue(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        JSON.readValue(rs.getString(5), LIST).toArray()))
                .list();
        long issueCount = jdbc.sql("SELECT count(*) FROM spatial_poi_import_issue WHERE import_id = ?")
                .param(id.value())
                .query(Long.class)
                .single();
        return job.map(j -> j.withIssues(issues, issueCount));
    }

    private static PoiImportJob map(ResultSet rs, List<RowIssue> issues, long issueCount) throws SQLException {
        String args = rs.getString("message_args");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new PoiImportJob(
                new PoiImportId(rs.getObject("id", UUID.class)),
                rs.getString("actor_id"),
                rs.getString("filename"),
                rs.getString("format"),
                rs.getString("crs"),
                rs.getBoolean("dry_run"),
                State.valueOf(rs.getString("state")),
                rs.getInt("rows_read"),
                rs.getInt("imported"),
                rs.getInt("updated"),
                rs.getInt("unchanged"),
                rs.getInt("failed"),
                rs.getString("message_key"),
                args == null ? List.of() : JSON.readValue(args, LIST),
                issues,
                issueCount,
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
