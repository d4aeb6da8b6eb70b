package org.cityos.spatial.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.spatial.Division;
import org.cityos.spatial.DivisionKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Divisions in {@code spatial_division}; scope filters are code-prefix matches on an indexed column. */
@Repository
public class DivisionRepository {
    private static final String COLUMNS = "code, parent_code, kind, name, synthetic, source, version, updated_at";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public DivisionRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Division> find(DivisionCode code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_division WHERE code = ?")
                .param(code.value())
                .query(DivisionRepository::map)
                .optional();
    }

    public List<Division> findAll(Collection<DivisionCode> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_division WHERE code = ANY(?) ORDER BY code")
                .param(codes.stream().map(DivisionCode::value).toArray(String[]::new))
                .query(DivisionRepository::map)
                .list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM spatial_division)")
                .query(Boolean.class)
                .single();
    }

    public List<Division> children(DivisionCode parent) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_division WHERE parent_code = ? ORDER BY code")
                .param(parent.value())
                .query(DivisionRepository::map)
                .list();
    }

    /** The root and its descendants down to {@code deepest}, at most {@code max} rows, in code order. */
    public List<Division> subtree(DivisionCode root, List<DivisionLevel> levels, int max) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_division WHERE code LIKE ? AND level = ANY(?)"
                        + " ORDER BY code LIMIT ?")
                .params(
                        escapeLike(root.prefix()) + "%",
                        levels.stream().map(Enum::name).toArray(String[]::new),
                        max)
                .query(DivisionRepository::map)
                .list();
    }

    public Map<String, Integer> childCounts(Collection<DivisionCode> parents) {
        return jdbc
                .sql("SELECT parent_code, count(*) AS n FROM spatial_division WHERE parent_code = ANY(?)"
                        + " GROUP BY parent_code")
                .param(parents.stream().map(DivisionCode::value).toArray(String[]::new))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Divisions under any of the prefixes, optionally of one level and matching a name fragment. */
    public List<Division> search(
            List<String> prefixes, DivisionLevel level, String nameContains, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_division" + where(level, nameContains)
                        + " ORDER BY code OFFSET :offset LIMIT :limit")
                .param("prefixes", likePatterns(prefixes))
                .param("level", level == null ? null : level.name())
                .param("name", nameContains == null ? null : "%" + escapeLike(nameContains) + "%")
                .param("offset", offset)
                .param("limit", limit)
                .query(DivisionRepository::map)
                .list();
    }

    public long count(List<String> prefixes, DivisionLevel level, String nameContains) {
        return jdbc.sql("SELECT count(*) FROM spatial_division" + where(level, nameContains))
                .param("prefixes", likePatterns(prefixes))
                .param("level", level == null ? null : level.name())
                .param("name", nameContains == null ? null : "%" + escapeLike(nameContains) + "%")
                .query(Long.class)
                .single();
    }

    private static String where(DivisionLevel level, String nameContains) {
        return " WHERE code LIKE ANY(:prefixes)"
                + (level == null ? "" : " AND level = :level")
                + (nameContains == null ? "" : " AND name LIKE :name");
    }

    public void insert(Division d, Instant now) {
        jdbc.sql("INSERT INTO spatial_division (code, parent_code, level, kind, name, synthetic, source, version,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        d.code().value(),
                        d.parentCode() == null ? null : d.parentCode().value(),
                        d.level().name(),
                        d.kind().name(),
                        d.name(),
                        d.synthetic(),
                        d.source(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /** Inserts many divisions in JDBC batches (seeding thousands of synthetic ones at start-up). */
    public void insertAll(List<Division> all, Instant now) {
        batch.batchUpdate(
                "INSERT INTO spatial_division (code, parent_code, level, kind, name, synthetic, source, version,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (code) DO NOTHING",
                all,
                500,
                (ps, d) -> {
                    ps.setString(1, d.code().value());
                    ps.setString(
                            2, d.parentCode() == null ? null : d.parentCode().value());
                    ps.setString(3, d.level().name());
                    ps.setString(4, d.kind().name());
                    ps.setString(5, d.name());
                    ps.setBoolean(6, d.synthetic());
                    ps.setString(7, d.source());
                    ps.setTimestamp(8, Timestamp.from(now));
                    ps.setTimestamp(9, Timestamp.from(now));
                });
    }

    /** Returns false when the row is not at {@code expectedVersion} (someone changed it first). */
    public boolean update(DivisionCode code, DivisionKind kind, String name, int expectedVersion, Instant now) {
        return jdbc.sql("UPDATE spatial_division SET kind = ?, name = ?, version = version + 1, updated_at = ?"
                                + " WHERE code = ? AND version = ?")
                        .params(kind.name(), name, Timestamp.from(now), code.value(), expectedVersion)
                        .update()
                == 1;
    }

    private static String[] likePatterns(List<String> prefixes) {
        return prefixes.stream().map(p -> escapeLike(p) + "%").toArray(String[]::new);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Division map(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_code");
        return new Division(
                DivisionCode.of(rs.getString("code")),
                parent == null ? null : DivisionCode.of(parent),
                DivisionKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getBoolean("synthetic"),
                rs.getString("source"),
                rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
