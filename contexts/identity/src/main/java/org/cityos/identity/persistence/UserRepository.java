package org.cityos.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cityos.identity.Scope;
import org.cityos.identity.User;
import org.cityos.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users in {@code identity_user}; updates check the version (optimistic locking). */
@Repository
public class UserRepository {
    private static final String COLUMNS = "id, username, display_name, phone, email, roles, division_scopes,"
            + " department_scopes, all_departments, enabled, must_change_password, locked_until, last_login_at,"
            + " version, created_at";
    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user with the fields only sign-in needs: hash and failure counters. */
    public record Credentials(User user, String passwordHash, int failedLogins, Instant lastFailedAt) {}

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash, failed_logins, last_failed_at FROM identity_user"
                        + " WHERE username = ?")
                .param(username)
                .query((rs, i) -> new Credentials(
                        map(rs, i),
                        rs.getString("password_hash"),
                        rs.getInt("failed_logins"),
                        instant(rs, "last_failed_at")))
                .optional();
    }

    public Optional<String> passwordHash(UserId id) {
        return jdbc.sql("SELECT password_hash FROM identity_user WHERE id = ?")
                .param(id.value())
                .query(String.class)
                .optional();
    }

    public Optional<User> find(UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_user WHERE id = ?")
                .param(id.value())
                .query(UserRepository::map)
                .optional();
    }

    public boolean usernameExists(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_user WHERE username = ?)")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM identity_user").query(Long.class).single();
    }

    public List<User> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_user ORDER BY username")
                .query(UserRepository::map)
                .list();
    }

    public void insert(User u, String passwordHash, Instant now) {
        Scope s = u.scope();
        jdbc.sql("INSERT INTO identity_user (id, username, display_name, phone, email, password_hash, roles,"
                        + " division_scopes, department_scopes, all_departments, enabled, must_change_password,"
                        + " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        u.id().value(),
                        u.username(),
                        u.displayName(),
                        u.phone(),
                        u.email(),
                        passwordHash,
                        ScopeColumns.roles(s),
                        ScopeColumns.divisions(s),
                        ScopeColumns.departments(s),
                        s.allDepartments(),
                        u.enabled(),
                        u.mustChangePassword(),
                        ts(now),
                        ts(now))
                .update();
    }

    public boolean update(User u, int expectedVersion, Instant now) {
        Scope s = u.scope();
        return jdbc.sql("UPDATE identity_user SET display_name = ?, phone = ?, email = ?, roles = ?,"
                                + " division_scopes = ?, department_scopes = ?, all_departments = ?, enabled = ?,"
                                + " version = version + 1, updated_at = ? WHERE id = ? AND version = ?")
                        .params(
                                u.displayName(),
                                u.phone(),
                                u.email(),
                                ScopeColumns.roles(s),
                                ScopeColumns.divisions(s),
                                ScopeColumns.departments(s),
                                s.allDepartments(),
                                u.enabled(),
                                ts(now),
                                u.id().value(),
                                expectedVersion)
                        .update()
                == 1;
    }

    public void setPassword(UserId id, String hash, boolean mustChange, Instant now) {
        jdbc.sql("UPDATE identity_user SET password_hash = ?, must_change_password = ?, failed_logins = 0,"
                        + " locked_until = NULL, version = version + 1, updated_at = ? WHERE id = ?")
                .params(hash, mustChange, ts(now), id.value())
                .update();
    }

    public void recordFailure(UUID id, int failedLogins, Instant at, Instant lockedUntil) {
        jdbc.sql("UPDATE identity_user SET failed_logins = ?, last_failed_at = ?, locked_until = ? WHERE id = ?")
                .params(failedLogins, ts(at), lockedUntil == null ? null : ts(lockedUntil), id)
                .update();
    }

    public void recordSuccess(UUID id, Instant at) {
        jdbc.sql("UPDATE identity_user SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?")
                .params(ts(at), id)
                .update();
    }

    public void unlock(UserId id, Instant now) {
        jdbc.sql("UPDATE identity_user SET failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?")
                .params(ts(now), id.value())
                .update();
    }

    static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("phone"),
                rs.getString("email"),
                ScopeColumns.read(rs),
                rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"),
                instant(rs, "locked_until"),
                instant(rs, "last_login_at"),
                rs.getInt("version"),
                instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
