package org.cityos.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cityos.identity.ApiKey;
import org.cityos.identity.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Machine clients' API keys, found by the digest of the key in one indexed look-up. */
@Repository
public class ApiKeyRepository {
    private static final String COLUMNS = "id, name, key_prefix, roles, division_scopes, department_scopes,"
            + " all_departments, created_by, created_at, expires_at, revoked_at";
    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiKey key, byte[] digest) {
        Scope s = key.scope();
        jdbc.sql("INSERT INTO identity_api_key (id, name, key_prefix, key_digest, roles, division_scopes,"
                        + " department_scopes, all_departments, created_by, created_at, expires_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        key.id(),
                        key.name(),
                        key.prefix(),
                        digest,
                        ScopeColumns.roles(s),
                        ScopeColumns.divisions(s),
                        ScopeColumns.departments(s),
                        s.allDepartments(),
                        key.createdBy(),
                        UserRepository.ts(key.createdAt()),
                        key.expiresAt() == null ? null : UserRepository.ts(key.expiresAt()))
                .update();
    }

    public Optional<ApiKey> live(byte[] digest, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_api_key WHERE key_digest = ? AND revoked_at IS NULL"
                        + " AND (expires_at IS NULL OR expires_at > ?)")
                .params(digest, UserRepository.ts(now))
                .query(ApiKeyRepository::map)
                .optional();
    }

    public Optional<ApiKey> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_api_key WHERE id = ?")
                .param(id)
                .query(ApiKeyRepository::map)
                .optional();
    }

    public List<ApiKey> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_api_key ORDER BY created_at DESC")
                .query(ApiKeyRepository::map)
                .list();
    }

    public boolean revoke(UUID id, Instant now) {
        return jdbc.sql("UPDATE identity_api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                        .params(UserRepository.ts(now), id)
                        .update()
                == 1;
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("key_prefix"),
                ScopeColumns.read(rs),
                rs.getObject("created_by", UUID.class),
                UserRepository.instant(rs, "created_at"),
                UserRepository.instant(rs, "expires_at"),
                UserRepository.instant(rs, "revoked_at"));
    }
}
