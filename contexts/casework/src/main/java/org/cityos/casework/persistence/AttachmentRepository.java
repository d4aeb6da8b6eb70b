package org.cityos.casework.persistence;

import static org.cityos.casework.persistence.CaseRepository.instant;
import static org.cityos.casework.persistence.CaseRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Photos and documents of cases, stored in the database with their hash. */
@Repository
public class AttachmentRepository {
    private static final String INFO =
            "id, case_id, stage, file_name, media_type, size_bytes, sha256, lon, lat, by_id, at";

    private final JdbcClient jdbc;

    public AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AttachmentRow a) {
        jdbc.sql("INSERT INTO casework_attachment (id, case_id, stage, file_name, media_type, size_bytes, sha256,"
                        + " content, lon, lat, by_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.caseId(),
                        a.stage(),
                        a.fileName(),
                        a.mediaType(),
                        a.sizeBytes(),
                        a.sha256(),
                        a.content(),
                        a.lon(),
                        a.lat(),
                        a.byId(),
                        ts(a.at()))
                .update();
    }

    public List<AttachmentRow> of(String caseId) {
        return jdbc.sql("SELECT " + INFO + " FROM casework_attachment WHERE case_id = ? ORDER BY at, id")
                .param(caseId)
                .query((rs, n) -> map(rs, null))
                .list();
    }

    public int count(String caseId, String stage) {
        return jdbc.sql("SELECT count(*) FROM casework_attachment WHERE case_id = ? AND stage = ?")
                .params(caseId, stage)
                .query(Integer.class)
                .single();
    }

    public Optional<AttachmentRow> content(String caseId, String id) {
        return jdbc.sql("SELECT " + INFO + ", content FROM casework_attachment WHERE case_id = ? AND id = ?")
                .params(caseId, id)
                .query((rs, n) -> map(rs, rs.getBytes("content")))
                .optional();
    }

    private static AttachmentRow map(ResultSet rs, byte[] content) throws SQLException {
        return new AttachmentRow(
                rs.getString("id"),
                rs.getString("case_id"),
                rs.getString("stage"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getInt("size_bytes"),
                rs.getString("sha256"),
                content,
                (Double) rs.getObject("lon"),
                (Double) rs.getObject("lat"),
                rs.getString("by_id"),
                instant(rs, "at"));
    }
}
