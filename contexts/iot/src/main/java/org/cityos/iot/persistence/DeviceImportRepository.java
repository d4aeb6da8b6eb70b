package org.cityos.iot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceImportId;
import org.cityos.iot.DeviceImportJob;
import org.cityos.iot.DeviceImportJob.Issue;
import org.cityos.iot.DeviceImportJob.State;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Import jobs, their row issues, and the batched device inserts they make. */
@Repository
public class DeviceImportRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Object>> OBJECTS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public DeviceImportRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Inserts the devices in one JDBC batch; a device whose vendor and serial exist already is skipped.
     * Returns, per device, whether it was inserted.
     */
    public boolean[] insertNew(List<Device> devices, Instant now) {
        List<Object[]> args = new ArrayList<>(devices.size());
        for (Device d : devices) {
            args.add(DeviceRepository.insertParams(d, now));
        }
        int[] counts = template.batchUpdate(
                DeviceRepository.INSERT + " ON CONFLICT (vendor, serial) WHERE serial IS NOT NULL DO NOTHING", args);
        boolean[] inserted = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            inserted[i] = counts[i] != 0;
        }
        return inserted;
    }

    public void create(DeviceImportId id, String actorId, String filename, String format, boolean dryRun, Instant now) {
        jdbc.sql("INSERT INTO iot_device_import (id, actor_id, filename, format, crs, dry_run, state, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, 'WGS84', ?, 'QUEUED', ?, ?)")
                .params(id.value(), actorId, filename, format, dryRun, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    public void advance(DeviceImportId id, int rowsRead, int imported, int existing, int failed, Instant now) {
        jdbc.sql("UPDATE iot_device_import SET state = 'RUNNING', rows_read = rows_read + ?, imported = imported + ?,"
                        + " existing = existing + ?, failed = failed + ?, updated_at = ? WHERE id = ?")
                .params(rowsRead, imported, existing, failed, Timestamp.from(now), id.value())
                .update();
    }

    public void addIssues(DeviceImportId id, int firstSeq, List<Issue> issues) {
        int seq = firstSeq;
        for (Issue i : issues) {
            jdbc.sql("INSERT INTO iot_device_import_issue (import_id, seq, row_number, field, message_key, args)"
                            + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))")
                    .params(id.value(), seq++, i.row(), i.field(), i.messageKey(), JSON.writeValueAsString(i.args()))
                    .update();
        }
    }

    public void finish(DeviceImportId id, State state, String messageKey, List<Object> args, Instant now) {
        jdbc.sql("UPDATE iot_device_import SET state = ?, message_key = ?, message_args = CAST(? AS jsonb),"
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

    public int failStale(Instant before, Instant now) {
        return jdbc.sql(
                        "UPDATE iot_device_import SET state = 'FAILED', message_key = 'problem.device-import-interrupted',"
                                + " message_args = '[]'::jsonb, finished_at = ?, updated_at = ?"
                                + " WHERE state IN ('QUEUED', 'RUNNING') AND updated_at < ?")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(before))
                .update();
    }

    public Optional<DeviceImportJob> find(DeviceImportId id, int maxIssues) {
        // The job first, its issues after: a run commits each batch's issues before it finishes the job, so a job
        // read as finished is never shown without its last issues. Read the other way round, a poll between the
        // two statements saw the finish but not the issues of the last batch.
        Optional<DeviceImportJob> job = jdbc.sql("SELECT * FROM iot_device_import WHERE id = ?")
                .param(id.value())
                .query((rs, i) -> map(rs, List.of(), 0))
                .optional();
        if (job.isEmpty()) {
            return job;
        }
        List<Issue> issues = jdbc.sql("SELECT row_number, field, message_key, args::text FROM iot_device_import_issue"
                        + " WHERE import_id = ? ORDER BY row_number, seq LIMIT ?")
                .params(id.value(), maxIssues)
                .query((rs, i) -> new Issue(
                        rs.getInt(1), rs.getString(2), rs.getString(3), JSON.readValue(rs.getString(4), STRINGS)))
                .list();
        long issueCount = jdbc.sql("SELECT count(*) FROM iot_device_import_issue WHERE import_id = ?")
                .param(id.value())
                .query(Long.class)
                .single();
        return job.map(j -> j.withIssues(issues, issueCount));
    }

    private static DeviceImportJob map(ResultSet rs, List<Issue> issues, long issueCount) throws SQLException {
        String args = rs.getString("message_args");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new DeviceImportJob(
                new DeviceImportId(rs.getObject("id", UUID.class)),
                rs.getString("actor_id"),
                rs.getString("filename"),
                rs.getString("format"),
                rs.getBoolean("dry_run"),
                State.valueOf(rs.getString("state")),
                rs.getInt("rows_read"),
                rs.getInt("imported"),
                rs.getInt("existing"),
                rs.getInt("failed"),
                rs.getString("message_key"),
                args == null ? List.of() : JSON.readValue(args, OBJECTS),
                issues,
                issueCount,
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
