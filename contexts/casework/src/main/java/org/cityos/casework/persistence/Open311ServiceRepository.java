package org.cityos.casework.persistence;

import static org.cityos.casework.persistence.CaseRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.casework.Open311Service;
import org.cityos.casework.ServiceAttribute;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The public service catalogue; attributes are kept as the JSON of the spec's service definition. */
@Repository
public class Open311ServiceRepository {
    private static final String COLUMNS =
            "service_code, category_code, name, description, group_name, keywords, type, active, attributes, version";
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final TypeReference<List<ServiceAttribute>> ATTRIBUTES = new TypeReference<>() {};

    private final JdbcClient jdbc;

    public Open311ServiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM casework_open311_service)")
                .query(Boolean.class)
                .single();
    }

    public List<Open311Service> all(boolean activeOnly) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_open311_service" + (activeOnly ? " WHERE active" : "")
                        + " ORDER BY service_code")
                .query(Open311ServiceRepository::map)
                .list();
    }

    public Optional<Open311Service> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_open311_service WHERE service_code = ?")
                .param(code)
                .query(Open311ServiceRepository::map)
                .optional();
    }

    /** Inserts unless the code exists (another node seeding at the same time); true when this call inserted. */
    public boolean insertIfAbsent(Open311Service s, Instant now) {
        return jdbc.sql("INSERT INTO casework_open311_service (" + COLUMNS + ", updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT (service_code) DO NOTHING")
                        .params(
                                s.code(),
                                s.categoryCode(),
                                s.name(),
                                s.description(),
                                s.group(),
                                s.keywords(),
                                s.type(),
                                s.active(),
                                json(s.attributes()),
                                ts(now))
                        .update()
                == 1;
    }

    /** Writes the new content if the stored version is still {@code expected}; false when someone was first. */
    public boolean update(Open311Service s, int expected, Instant now) {
        return jdbc.sql("UPDATE casework_open311_service SET category_code = ?, name = ?, description = ?,"
                                + " group_name = ?, keywords = ?, active = ?, attributes = ?, version = version + 1,"
                                + " updated_at = ? WHERE service_code = ? AND version = ?")
                        .params(
                                s.categoryCode(),
                                s.name(),
                                s.description(),
                                s.group(),
                                s.keywords(),
                                s.active(),
                                json(s.attributes()),
                                ts(now),
                                s.code(),
                                expected)
                        .update()
                == 1;
    }

    /** The attributes as stored: the spec's JSON (snake_case), or null for none. */
    public static String json(List<ServiceAttribute> attributes) {
        return attributes == null || attributes.isEmpty() ? null : JSON.writeValueAsString(attributes);
    }

    public static List<ServiceAttribute> attributes(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, ATTRIBUTES);
    }

    private static Open311Service map(ResultSet rs, int n) throws SQLException {
        return new Open311Service(
                rs.getString("service_code"),
                rs.getString("category_code"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("group_name"),
                rs.getString("keywords"),
                rs.getString("type"),
                rs.getBoolean("active"),
                attributes(rs.getString("attributes")),
                rs.getInt("version"));
    }
}
