package org.cityos.basedata.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.cityos.basedata.FieldGroup;
import org.cityos.basedata.UnmaskGrant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Field-group grants: who may see which group unmasked, until when. */
public final class GrantStore {
    private final JdbcClient jdbc;

    public GrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void put(UnmaskGrant g) {
        jdbc.sql("""
                        INSERT INTO basedata_unmask_grant (actor_id, field_group, granted_by, granted_at, expires_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (actor_id, field_group) DO UPDATE
                        SET granted_by = EXCLUDED.granted_by, granted_at = EXCLUDED.granted_at,
                            expires_at = EXCLUDED.expires_at""")
                .params(
                        g.actorId(),
                        g.group().name(),
                        g.grantedBy(),
                        Timestamp.from(g.grantedAt()),
                        Timestamp.from(g.expiresAt()))
                .update();
    }

    public void revoke(String actorId, FieldGroup group) {
        jdbc.sql("DELETE FROM basedata_unmask_grant WHERE actor_id = ? AND field_group = ?")
                .params(actorId, group.name())
                .update();
    }

    /** The groups {@code actorId} holds at {@code now}. */
    public List<FieldGroup> held(String actorId, Instant now) {
        return jdbc.sql("SELECT field_group FROM basedata_unmask_grant WHERE actor_id = ? AND expires_at > ?")
                .params(actorId, Timestamp.from(now))
                .query((rs, n) -> FieldGroup.valueOf(rs.getString(1)))
                .list();
    }
}
