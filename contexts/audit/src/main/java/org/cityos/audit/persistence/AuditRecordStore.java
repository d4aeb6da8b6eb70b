package org.cityos.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cityos.audit.AuditEntry;
import org.cityos.audit.AuditQuery;
import org.cityos.audit.AuditRecord;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.ActorKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes entries and finds them again. Writing is one INSERT on the caller's connection, so it commits
 * or rolls back with the change it describes and costs no more than any other row.
 */
public class AuditRecordStore {
    private static final String COLUMNS = "id, occurred_at, actor_id, actor_kind, actor_name, action, target_type,"
            + " target_id, division_code, details::text AS details, request_id, chain_seq, hash";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditRecordStore(DataSource dataSource, JsonMapper json) {
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
    }

    public long insert(AuditEntry entry, Instant occurredAt, String requestId) {
        return jdbc.sql("INSERT INTO audit_record (occurred_at, actor_id, actor_kind, actor_name, action,"
                        + " target_type, target_id, division_code, details, request_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING id")
                .params(
                        Timestamps.param(occurredAt),
                        entry.actor().id(),
                        entry.actor().kind().name(),
                        entry.actor().name(),
                        entry.action(),
                        entry.targetType(),
                        entry.targetId(),
                        entry.division() == null ? null : entry.division().value(),
                        json.writeValueAsString(entry.details()),
                        requestId)
                .query(Long.class)
                .single();
    }

    public Page<AuditRecord> search(AuditQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.actorId() != null) {
            where.append(" AND actor_id = :actorId");
            params.put("actorId", query.actorId());
        }
        if (query.actionPrefix() != null) {
            where.append(" AND action LIKE :action ESCAPE '\\'");
            params.put("action", escapeLike(query.actionPrefix()) + "%");
        }
        if (query.targetType() != null) {
            where.append(" AND target_type = :targetType");
            params.put("targetType", query.targetType());
        }
        if (query.targetId() != null) {
            where.append(" AND target_id = :targetId");
            params.put("targetId", query.targetId());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", Timestamps.param(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", Timestamps.param(query.to()));
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_record" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditRecord> items = jdbc.sql("SELECT " + COLUMNS + " FROM audit_record" + where
                        + " ORDER BY occurred_at DESC, id DESC OFFSET :offset LIMIT :limit")
                .params(params)
                .param("offset", page.offset())
                .param("limit", page.limit())
                .query(this::record)
                .list();
        return new Page<>(items, total, page.offset(), page.limit());
    }

    private AuditRecord record(ResultSet rs, int row) throws SQLException {
        long seq = rs.getLong("chain_seq");
        Long chainSeq = rs.wasNull() ? null : seq;
        byte[] hash = rs.getBytes("hash");
        return new AuditRecord(
                rs.getLong("id"),
                Timestamps.read(rs, "occurred_at"),
                rs.getString("actor_id"),
                kind(rs.getString("actor_kind")),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("division_code"),
                details(rs.getString("details")),
                rs.getString("request_id"),
                chainSeq,
                hash == null ? null : HexFormat.of().formatHex(hash));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(String text) {
        return text == null ? Map.of() : json.readValue(text, Map.class);
    }

    // Search must still show a row someone tampered with, so an unknown kind reads as null, not an error.
    private static ActorKind kind(String value) {
        for (ActorKind kind : ActorKind.values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        return null;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
