package org.cityos.catalog.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cityos.catalog.ShareGrant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Grants of the data API: one per granted request; its key replaced when re-issued, revoked at most once. */
public class GrantStore {
    private final JdbcClient jdbc;

    public GrantStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public void insert(ShareGrant g) {
        jdbc.sql(
                        "INSERT INTO catalog_share_grant (id, request_id, resource_code, requesting_department,"
                                + " provider_department, fields, row_column, row_values, valid_from, valid_until,"
                                + " calls_per_day, calls_per_second, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        g.id(),
                        g.requestId(),
                        g.resourceCode(),
                        g.requestingDepartment(),
                        g.providerDepartment(),
                        String.join(",", g.fields()),
                        g.rowColumn(),
                        g.rowValues() == null ? null : g.rowValues().toArray(String[]::new),
                        g.validFrom(),
                        g.validUntil(),
                        g.callsPerDay(),
                        g.callsPerSecond(),
                        Timestamps.param(g.grantedAt()))
                .update();
    }

    /** Replaces the grant's key; the old one stops working with this commit. */
    public boolean issueKey(String id, String prefix, byte[] digest, Instant at) {
        return jdbc.sql("UPDATE catalog_share_grant SET key_prefix = ?, key_digest = ?, key_issued_at = ?"
                                + " WHERE id = ? AND revoked_at IS NULL")
                        .params(prefix, digest, Timestamps.param(at), id)
                        .update()
                == 1;
    }

    public boolean revoke(String id, String by, String reason, Instant at) {
        return jdbc.sql("UPDATE catalog_share_grant SET revoked_at = ?, revoked_by = ?, revoke_reason = ?"
                                + " WHERE id = ? AND revoked_at IS NULL")
                        .params(Timestamps.param(at), by, reason, id)
                        .update()
                == 1;
    }

    public Optional<ShareGrant> find(String id) {
        return jdbc.sql("SELECT * FROM catalog_share_grant WHERE id = ?")
                .param(id)
                .query(GrantStore::row)
                .optional();
    }

    public Optional<ShareGrant> ofRequest(String requestId) {
        return jdbc.sql("SELECT * FROM catalog_share_grant WHERE request_id = ?")
                .param(requestId)
                .query(GrantStore::row)
                .optional();
    }

    /** A grant with the relation that serves its resource (null while no source is bound). */
    public record KeyedGrant(ShareGrant grant, String relation) {}

    /**
     * The grant whose current key has this digest (revoked ones too: the caller says why it refuses), with its
     * source's relation: what a data API call needs, in one indexed query.
     */
    public Optional<KeyedGrant> byKey(byte[] digest) {
        return jdbc.sql("SELECT g.*, s.relation FROM catalog_share_grant g"
                        + " LEFT JOIN catalog_resource_source r ON r.resource_code = g.resource_code"
                        + " LEFT JOIN catalog_share_source s ON s.name = r.source WHERE g.key_digest = ?")
                .param(digest)
                .query((rs, n) -> new KeyedGrant(row(rs, n), rs.getString("relation")))
                .optional();
    }

    private static ShareGrant row(ResultSet rs, int n) throws SQLException {
        Array values = rs.getArray("row_values");
        return new ShareGrant(
                rs.getString("id"),
                rs.getString("request_id"),
                rs.getString("resource_code"),
                rs.getString("requesting_department"),
                rs.getString("provider_department"),
                List.of(rs.getString("fields").split(",")),
                rs.getString("row_column"),
                values == null ? null : Arrays.asList((String[]) values.getArray()),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getInt("calls_per_day"),
                rs.getInt("calls_per_second"),
                Timestamps.read(rs, "granted_at"),
                rs.getString("key_prefix"),
                Timestamps.read(rs, "key_issued_at"),
                Timestamps.read(rs, "revoked_at"),
                rs.getString("revoked_by"),
                rs.getString("revoke_reason"));
    }
}
