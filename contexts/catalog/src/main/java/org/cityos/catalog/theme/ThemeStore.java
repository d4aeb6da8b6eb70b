package org.cityos.catalog.theme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.cityos.catalog.theme.SpecValidation.Valid;
import org.cityos.catalog.theme.Theme.ThemeStatus;
import org.cityos.catalog.theme.ThemeRefresh.Outcome;
import org.cityos.catalog.theme.ThemeRefresh.Trigger;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Theme definitions with their versions, and the record of every refresh. */
class ThemeStore {
    private static final TypeReference<List<TableSpec>> TABLES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ThemeStore(DataSource dataSource, JsonMapper json) {
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
    }

    /** A theme's stored definition, without its tables' columns and refreshes. */
    record Stored(
            String code,
            String nameZh,
            String nameEn,
            String description,
            String ownerDepartment,
            Duration interval,
            ThemeStatus status,
            boolean builtin,
            int version,
            String changedBy,
            Instant changedAt,
            List<TableSpec> tables) {}

    Optional<Stored> find(String code) {
        return jdbc.sql("SELECT * FROM catalog_theme WHERE code = ?")
                .param(code)
                .query(this::stored)
                .optional();
    }

    /** The row locked for the rest of the transaction, so two changes of one theme take turns. */
    Optional<Stored> lock(String code) {
        return jdbc.sql("SELECT * FROM catalog_theme WHERE code = ? FOR UPDATE")
                .param(code)
                .query(this::stored)
                .optional();
    }

    List<Stored> all() {
        return jdbc.sql("SELECT * FROM catalog_theme ORDER BY code")
                .query(this::stored)
                .list();
    }

    /** Inserts the theme as version 1; false when the code is taken. */
    boolean insert(Valid v, boolean builtin, String by, Instant at) {
        int rows = jdbc.sql("INSERT INTO catalog_theme (code, name_zh, name_en, description, owner_department,"
                        + " refresh_seconds, status, builtin, tables, version, created_by, created_at, changed_by,"
                        + " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 1, ?, ?, ?, ?)"
                        + " ON CONFLICT (code) DO NOTHING")
                .params(
                        v.code(),
                        v.nameZh(),
                        v.nameEn(),
                        v.description(),
                        v.ownerDepartment(),
                        (int) v.interval().toSeconds(),
                        v.status().name(),
                        builtin,
                        json.writeValueAsString(v.tables()),
                        by,
                        param(at),
                        by,
                        param(at))
                .update();
        if (rows == 1) {
            version(v, 1, by, at);
        }
        return rows == 1;
    }

    void update(Valid v, int version, String by, Instant at) {
        jdbc.sql("UPDATE catalog_theme SET name_zh = ?, name_en = ?, description = ?, owner_department = ?,"
                        + " refresh_seconds = ?, status = ?, tables = ?::jsonb, version = ?, changed_by = ?,"
                        + " changed_at = ? WHERE code = ?")
                .params(
                        v.nameZh(),
                        v.nameEn(),
                        v.description(),
                        v.ownerDepartment(),
                        (int) v.interval().toSeconds(),
                        v.status().name(),
                        json.writeValueAsString(v.tables()),
                        version,
                        by,
                        param(at),
                        v.code())
                .update();
        version(v, version, by, at);
    }

    private void version(Valid v, int version, String by, Instant at) {
        jdbc.sql("INSERT INTO catalog_theme_version (code, version, definition, changed_by, changed_at)"
                        + " VALUES (?, ?, ?::jsonb, ?, ?)")
                .params(v.code(), version, json.writeValueAsString(v), by, param(at))
                .update();
    }

    long recordRefresh(ThemeRefresh r) {
        return jdbc.sql("INSERT INTO catalog_theme_refresh (theme_code, table_name, version, run_trigger,"
                        + " started_at, finished_at, row_count, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING id")
                .params(
                        r.theme(),
                        r.table(),
                        r.version(),
                        r.trigger().name(),
                        param(r.startedAt()),
                        param(r.finishedAt()),
                        r.rows(),
                        r.outcome().name(),
                        r.error())
                .query(Long.class)
                .single();
    }

    /** The theme's refreshes, newest first. */
    List<ThemeRefresh> refreshes(String code, int limit) {
        return jdbc.sql("SELECT * FROM catalog_theme_refresh WHERE theme_code = ? ORDER BY id DESC LIMIT ?")
                .params(code, limit)
                .query(ThemeStore::refresh)
                .list();
    }

    /** The last refresh of each table of the theme. */
    Map<String, ThemeRefresh> lastRefreshes(String code) {
        return jdbc
                .sql("SELECT DISTINCT ON (table_name) * FROM catalog_theme_refresh WHERE theme_code = ?"
                        + " ORDER BY table_name, id DESC")
                .param(code)
                .query(ThemeStore::refresh)
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(ThemeRefresh::table, r -> r));
    }

    /** When the table was last refreshed, whatever the outcome; empty when never. */
    Optional<Instant> lastStarted(String code, String table) {
        return jdbc.sql("SELECT started_at FROM catalog_theme_refresh WHERE theme_code = ? AND table_name = ?"
                        + " ORDER BY id DESC LIMIT 1")
                .params(code, table)
                .query((rs, n) -> instant(rs, 1))
                .optional();
    }

    private Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(
                rs.getString("code"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getString("description"),
                rs.getString("owner_department"),
                Duration.ofSeconds(rs.getInt("refresh_seconds")),
                ThemeStatus.valueOf(rs.getString("status")),
                rs.getBoolean("builtin"),
                rs.getInt("version"),
                rs.getString("changed_by"),
                instant(rs, rs.findColumn("changed_at")),
                json.readValue(rs.getString("tables"), TABLES));
    }

    private static ThemeRefresh refresh(ResultSet rs, int n) throws SQLException {
        return new ThemeRefresh(
                rs.getLong("id"),
                rs.getString("theme_code"),
                rs.getString("table_name"),
                rs.getInt("version"),
                Trigger.valueOf(rs.getString("run_trigger")),
                instant(rs, rs.findColumn("started_at")),
                instant(rs, rs.findColumn("finished_at")),
                rs.getObject("row_count", Long.class),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime param(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
