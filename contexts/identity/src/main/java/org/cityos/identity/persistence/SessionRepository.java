package org.cityos.identity.persistence;

import java.time.Instant;
import java.util.Optional;
import org.cityos.identity.User;
import org.cityos.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sign-in sessions, found by the digest of their token. */
@Repository
public class SessionRepository {
    private final JdbcClient jdbc;

    public SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A live session with its user. */
    public record Live(User user, Instant expiresAt) {}

    public void insert(byte[] digest, UserId user, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO identity_session (token_digest, user_id, created_at, expires_at) VALUES (?,?,?,?)")
                .params(digest, user.value(), UserRepository.ts(now), UserRepository.ts(expiresAt))
                .update();
    }

    public Optional<Live> live(byte[] digest, Instant now) {
        return jdbc.sql("SELECT u.id, u.username, u.display_name, u.phone, u.email, u.roles, u.division_scopes,"
                        + " u.department_scopes, u.all_departments, u.enabled, u.must_change_password,"
                        + " u.locked_until, u.last_login_at, u.version, u.created_at, s.expires_at"
                        + " FROM identity_session s JOIN identity_user u ON u.id = s.user_id"
                        + " WHERE s.token_digest = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.enabled")
                .params(digest, UserRepository.ts(now))
                .query((rs, i) -> new Live(UserRepository.map(rs, i), UserRepository.instant(rs, "expires_at")))
                .optional();
    }

    public boolean revoke(byte[] digest, Instant now) {
        return jdbc.sql("UPDATE identity_session SET revoked_at = ? WHERE token_digest = ? AND revoked_at IS NULL")
                        .params(UserRepository.ts(now), digest)
                        .update()
                == 1;
    }

    public int revokeAll(UserId user, Instant now) {
        return jdbc.sql("UPDATE identity_session SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(UserRepository.ts(now), user.value())
                .update();
    }

    public int deleteExpired(Instant before) {
        return jdbc.sql("DELETE FROM identity_session WHERE expires_at < ?")
                .param(UserRepository.ts(before))
                .update();
    }
}
