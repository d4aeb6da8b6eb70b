package org.cityos.alerting.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cityos.alerting.Channel;
import org.cityos.alerting.ChannelKind;
import org.cityos.alerting.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notification channels in {@code alerting_channel}; changes check the expected version (optimistic locking). */
@Repository
public class ChannelRepository {
    private static final String COLUMNS = "id, name, kind, url, secret, recipients, phones, gateway, min_severity,"
            + " events, rule_ids, division_prefixes, enabled, version, created_by, created_at, updated_at";

    private final JdbcClient jdbc;

    public ChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Channel> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_channel WHERE id = ?")
                .param(id)
                .query(ChannelRepository::map)
                .optional();
    }

    /** Every channel, by name; channels are few (tens), so filtering by scope happens in the caller. */
    public List<Channel> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_channel ORDER BY name, id")
                .query(ChannelRepository::map)
                .list();
    }

    public List<Channel> enabled() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerting_channel WHERE enabled ORDER BY id")
                .query(ChannelRepository::map)
                .list();
    }

    public void insert(Channel c) {
        jdbc.sql("INSERT INTO alerting_channel (" + COLUMNS + ") VALUES (:id, :name, :kind, :url, :secret,"
                        + " :recipients, :phones, :gateway, :minSeverity, :events, :ruleIds, :prefixes, :enabled,"
                        + " :version, :createdBy, :createdAt, :updatedAt)")
                .param("id", c.id())
                .param("name", c.name())
                .param("kind", c.kind().name())
                .param("url", c.url())
                .param("secret", c.secret())
                .param("recipients", c.recipients().toArray(String[]::new))
                .param("phones", c.phones().toArray(String[]::new))
                .param("gateway", c.gateway())
                .param("minSeverity", c.minSeverity().name())
                .param("events", names(c.events()))
                .param("ruleIds", c.ruleIds().toArray(String[]::new))
                .param("prefixes", c.divisionPrefixes().toArray(String[]::new))
                .param("enabled", c.enabled())
                .param("version", c.version())
                .param("createdBy", c.createdBy())
                .param("createdAt", Timestamp.from(c.createdAt()))
                .param("updatedAt", Timestamp.from(c.updatedAt()))
                .update();
    }

    /** Writes {@code c} (carrying the new version) if the stored version is still {@code expectedVersion}. */
    public boolean update(Channel c, int expectedVersion) {
        return jdbc.sql("UPDATE alerting_channel SET name = :name, kind = :kind, url = :url, secret = :secret,"
                                + " recipients = :recipients, phones = :phones, gateway = :gateway,"
                                + " min_severity = :minSeverity, events = :events, rule_ids = :ruleIds,"
                                + " division_prefixes = :prefixes, enabled = :enabled, version = :version,"
                                + " updated_at = :updatedAt WHERE id = :id AND version = :expected")
                        .param("name", c.name())
                        .param("kind", c.kind().name())
                        .param("url", c.url())
                        .param("secret", c.secret())
                        .param("recipients", c.recipients().toArray(String[]::new))
                        .param("phones", c.phones().toArray(String[]::new))
                        .param("gateway", c.gateway())
                        .param("minSeverity", c.minSeverity().name())
                        .param("events", names(c.events()))
                        .param("ruleIds", c.ruleIds().toArray(String[]::new))
                        .param("prefixes", c.divisionPrefixes().toArray(String[]::new))
                        .param("enabled", c.enabled())
                        .param("version", c.version())
                        .param("updatedAt", Timestamp.from(c.updatedAt()))
                        .param("id", c.id())
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    /** Removes the channel and, with it, its deliveries (pending ones are never sent). */
    public boolean delete(UUID id, int expectedVersion) {
        return jdbc.sql("DELETE FROM alerting_channel WHERE id = ? AND version = ?")
                        .params(id, expectedVersion)
                        .update()
                == 1;
    }

    private static String[] names(Set<Channel.AlarmChange> events) {
        return events.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static Channel map(ResultSet rs, int row) throws SQLException {
        List<String> events = strings(rs, "events");
        return new Channel(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                ChannelKind.valueOf(rs.getString("kind")),
                rs.getString("url"),
                rs.getString("secret"),
                strings(rs, "recipients"),
                strings(rs, "phones"),
                rs.getString("gateway"),
                Severity.valueOf(rs.getString("min_severity")),
                events.isEmpty()
                        ? Set.of()
                        : events.stream()
                                .map(Channel.AlarmChange::valueOf)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.AlarmChange.class))),
                strings(rs, "rule_ids"),
                strings(rs, "division_prefixes"),
                rs.getBoolean("enabled"),
                rs.getInt("version"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
