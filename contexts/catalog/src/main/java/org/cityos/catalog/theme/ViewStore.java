package org.cityos.catalog.theme;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.cityos.catalog.theme.Theme.Column;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PostgreSQL side of themes: the allow-list's sources with their column types, building, refreshing and
 * dropping the materialised views, and reading their rows. Values a reader sends are always bind parameters here.
 */
class ViewStore {
    // format_type's words for the types a view's columns can have; anything else is not spliced into a cast.
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9 _,()]{0,62}");

    private final JdbcClient jdbc;

    ViewStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The sources of the allow-list whose views exist here, each with its columns' types. */
    List<ThemeSource> sources() {
        List<ThemeSource> sources = new ArrayList<>();
        for (Map<String, Object> s : jdbc.sql("SELECT name, relation, description FROM catalog_share_source"
                        + " WHERE to_regclass(relation) IS NOT NULL ORDER BY name")
                .query()
                .listOfRows()) {
            String relation = (String) s.get("relation");
            Map<String, ColumnType> columns = new LinkedHashMap<>();
            jdbc.sql("SELECT column_name, data_type FROM information_schema.columns"
                            + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")
                    .param(relation)
                    .query((rs, n) -> columns.put(rs.getString(1), ColumnType.ofSql(rs.getString(2))))
                    .list();
            sources.add(new ThemeSource((String) s.get("name"), relation, (String) s.get("description"), columns));
        }
        return sources;
    }

    Optional<ThemeSource> source(String name) {
        return sources().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    void execute(String statement) {
        jdbc.sql(statement).update();
    }

    void drop(String view) {
        jdbc.sql("DROP MATERIALIZED VIEW IF EXISTS " + ViewCompiler.quoted(view))
                .update();
    }

    boolean exists(String view) {
        return jdbc.sql("SELECT count(*) FROM pg_matviews WHERE schemaname = current_schema() AND matviewname = ?")
                        .param(view)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether this transaction got the view's refresh lock; no one else refreshes it until the transaction ends. */
    boolean tryLock(String view) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 20261126))")
                .param("theme:" + view)
                .query(Boolean.class)
                .single());
    }

    /** Waits for the view's refresh lock (saving a definition must not be skipped). */
    void lock(String view) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 20261126))) AS locked")
                .param("theme:" + view)
                .query()
                .singleRow();
    }

    /** Bounds the statements of the current transaction, so one slow source cannot hold the schedule. */
    void timeout(long millis) {
        jdbc.sql("SELECT set_config('statement_timeout', ?, true)")
                .param(Long.toString(millis))
                .query()
                .singleRow();
    }

    /** Refreshes without blocking readers: they see the old rows until the new ones are committed. */
    void refresh(String view) {
        jdbc.sql("REFRESH MATERIALIZED VIEW CONCURRENTLY " + ViewCompiler.quoted(view))
                .update();
    }

    long count(String view) {
        return jdbc.sql("SELECT count(*) FROM " + ViewCompiler.quoted(view))
                .query(Long.class)
                .single();
    }

    /** The view's columns in order, with their types as PostgreSQL names them. */
    List<Column> columns(String view) {
        return jdbc.sql("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
                        + " WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped ORDER BY attnum")
                .param(ViewCompiler.quoted(view))
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2)))
                .list();
    }

    /**
     * One page of the view's rows.
     *
     * @param equals column → value (cast to the column's type by PostgreSQL)
     * @param prefixes division code prefixes the scope column must start with; null for no limit
     * @param order columns to order by, the first one possibly not unique (nulls last)
     * @param after the order columns' values of the previous page's last row; null for offset paging
     */
    List<Map<String, Object>> rows(
            String view,
            Map<String, String> types,
            Map<String, String> equals,
            String scopeColumn,
            List<String> prefixes,
            List<String> order,
            boolean descending,
            List<String> after,
            int offset,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(ViewCompiler.quoted(view));
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, String> e : equals.entrySet()) {
            conditions.add(ViewCompiler.quoted(e.getKey()) + " = CAST(? AS " + type(types, e.getKey()) + ")");
            params.add(e.getValue());
        }
        if (prefixes != null) {
            conditions.add(ViewCompiler.quoted(scopeColumn) + " LIKE ANY (?)");
            params.add(prefixes.stream().map(p -> p + "%").toArray(String[]::new));
        }
        if (after != null) {
            List<String> casts = new ArrayList<>();
            for (String column : order) {
                casts.add("CAST(? AS " + type(types, column) + ")");
            }
            conditions.add("("
                    + String.join(", ", order.stream().map(ViewCompiler::quoted).toList()) + ") "
                    + (descending ? "<" : ">") + " (" + String.join(", ", casts) + ")");
            params.addAll(after);
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        String direction = descending ? " DESC NULLS LAST" : " ASC NULLS LAST";
        sql.append(" ORDER BY ")
                .append(String.join(
                        ", ",
                        order.stream()
                                .map(c -> ViewCompiler.quoted(c) + direction)
                                .toList()))
                .append(" OFFSET ? LIMIT ?");
        params.add(offset);
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ViewStore::row).list();
    }

    private static String type(Map<String, String> types, String column) {
        String type = types.get(column);
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("no plain type for " + column + ": " + type);
        }
        return type;
    }

    private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value;
            String type = meta.getColumnTypeName(i);
            if ("timestamptz".equals(type)) {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                value = t == null ? null : t.toInstant().toString();
            } else {
                value = rs.getObject(i);
                if (value instanceof java.sql.Date d) {
                    value = d.toLocalDate().toString();
                } else if (!(value == null
                        || value instanceof Number
                        || value instanceof Boolean
                        || value instanceof String)) {
                    value = value.toString();
                }
            }
            row.put(meta.getColumnLabel(i), value);
        }
        return row;
    }
}
