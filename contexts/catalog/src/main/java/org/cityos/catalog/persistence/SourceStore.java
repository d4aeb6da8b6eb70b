package org.cityos.catalog.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.cityos.catalog.ShareSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The allow-list of sources and the one query the data API runs against them. Only identifiers are spliced into
 * that query, and only ones that are plain names and really are the relation's columns (read from the catalogue of
 * the database); every value is a bind parameter.
 */
public class SourceStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private final JdbcClient jdbc;
    // Sources are views created by migrations, so their columns change only with a new release.
    private final Map<String, Set<String>> columns = new ConcurrentHashMap<>();

    public SourceStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public List<ShareSource> sources() {
        return jdbc.sql("SELECT name, description FROM catalog_share_source ORDER BY name")
                .query((rs, n) -> new ShareSource(rs.getString("name"), rs.getString("description")))
                .list();
    }

    public boolean exists(String source) {
        return jdbc.sql("SELECT count(*) FROM catalog_share_source WHERE name = ?")
                        .param(source)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void bind(String resourceCode, String source, String by, Instant at) {
        jdbc.sql("INSERT INTO catalog_resource_source (resource_code, source, bound_by, bound_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (resource_code) DO UPDATE SET source = EXCLUDED.source,"
                        + " bound_by = EXCLUDED.bound_by, bound_at = EXCLUDED.bound_at")
                .params(resourceCode, source, by, Timestamps.param(at))
                .update();
    }

    /** The relation's column names. */
    public Set<String> columns(String relation) {
        return columns.computeIfAbsent(
                relation,
                r -> Set.copyOf(jdbc.sql(
                                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                                        + " AND table_name = ?")
                        .param(r)
                        .query(String.class)
                        .list()));
    }

    /**
     * One page of rows with the given columns, in a stable order (by those columns).
     *
     * @param filterColumn with {@code filterValues}: only rows whose column (as text) is one of them; null for all
     */
    public List<Map<String, Object>> rows(
            String relation,
            List<String> fields,
            String filterColumn,
            List<String> filterValues,
            int offset,
            int limit) {
        Set<String> known = columns(relation);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(identifier(fields.get(i), known));
        }
        sql.append(" FROM ").append(identifier(relation, Set.of(relation)));
        List<Object> params = new java.util.ArrayList<>();
        if (filterColumn != null) {
            sql.append(" WHERE ").append(identifier(filterColumn, known)).append("::text = ANY (?)");
            params.add(filterValues.toArray(String[]::new));
        }
        sql.append(" ORDER BY ");
        for (int i = 1; i <= fields.size(); i++) {
            sql.append(i == 1 ? "" : ", ").append(i);
        }
        sql.append(" OFFSET ? LIMIT ?");
        params.add(offset);
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(SourceStore::row).list();
    }

    private static String identifier(String name, Set<String> allowed) {
        if (!NAME.matcher(name).matches() || !allowed.contains(name)) {
            throw new IllegalArgumentException("not a column of the source: " + name);
        }
        return '"' + name + '"';
    }

    private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        int count = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= count; i++) {
            Object value = rs.getObject(i);
            // Numbers, text and booleans as they are; anything else (dates, times, geometry) as its text.
            row.put(
                    rs.getMetaData().getColumnLabel(i),
                    value == null || value instanceof Number || value instanceof Boolean || value instanceof String
                            ? value
                            : value.toString());
        }
        return row;
    }
}
