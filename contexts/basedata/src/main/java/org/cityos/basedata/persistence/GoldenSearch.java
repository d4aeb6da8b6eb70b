package org.cityos.basedata.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one search over a base's golden records: by exact key (ID number, credit code) or name, within division
 * prefixes ({@code null} = everywhere), records without a place only when {@code unplaced}, in id order.
 *
 * @param table the golden-record table
 * @param keyColumn its exact key
 * @param divisionColumn the division its address was placed in
 */
record GoldenSearch(String table, String keyColumn, String divisionColumn) {
    <T> List<T> run(
            JdbcClient jdbc,
            String key,
            String name,
            List<String> prefixes,
            boolean unplaced,
            int offset,
            int limit,
            RowMapper<T> rows) {
        StringBuilder sql = new StringBuilder("SELECT * FROM " + table + " WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (key != null) {
            sql.append(" AND ").append(keyColumn).append(" = :key");
            params.put("key", key);
        }
        if (name != null) {
            sql.append(" AND name = :name");
            params.put("name", name);
        }
        if (prefixes != null) {
            sql.append(" AND (").append(divisionColumn).append(" LIKE ANY (:prefixes)");
            params.put("prefixes", prefixes.stream().map(p -> p + "%").toArray(String[]::new));
            sql.append(unplaced ? " OR " + divisionColumn + " IS NULL)" : ")");
        }
        sql.append(" ORDER BY id OFFSET :offset LIMIT :limit");
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(rows).list();
    }
}
