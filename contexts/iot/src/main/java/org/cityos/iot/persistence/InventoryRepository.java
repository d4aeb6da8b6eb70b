package org.cityos.iot.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceFilter;
import org.cityos.iot.DeviceScope;
import org.cityos.iot.InventoryRow;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counting queries over {@code iot_device} for the inventory (底数). */
@Repository
public class InventoryRepository {
    private final JdbcClient jdbc;

    public InventoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts grouped by type, department, division cut to {@code prefixLength} digits (then padded to a
     * 12-digit code) and state.
     */
    public List<InventoryRow> counts(DeviceFilter filter, DeviceScope scope, int prefixLength) {
        if (answeredByCountTable(filter, scope, prefixLength)) {
            return countsFromCountTable(filter, scope, prefixLength);
        }
        DeviceWhere where = DeviceWhere.of(filter, scope);
        String division = prefixLength >= 15 ? "division" : "rpad(left(division, " + prefixLength + "), 12, '0')";
        return jdbc.sql("SELECT type_code, department, " + division + " AS d, state, count(*) FROM iot_device"
                        + where.sql() + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
                .params(where.params())
                .query((rs, i) -> new InventoryRow(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /**
     * The trigger-kept {@code iot_inventory_count} holds counts per community: it answers every
     * question down to community level from callers scoped by places only, filtering by type, state,
     * division and department. Callers scoped by department (who also see devices shared with them)
     * and tag or text filters read the devices themselves.
     */
    static boolean answeredByCountTable(DeviceFilter f, DeviceScope scope, int prefixLength) {
        boolean placesOnly = scope.everything()
                || (scope.departments().isEmpty()
                        && scope.divisionPrefixes().stream().allMatch(p -> p.length() <= 12));
        return placesOnly
                && prefixLength <= 12
                && f.tag() == null
                && (f.q() == null || f.q().isBlank())
                && (f.division() == null || f.division().prefix().length() <= 12);
    }

    private List<InventoryRow> countsFromCountTable(DeviceFilter f, DeviceScope scope, int prefixLength) {
        List<String> where = new java.util.ArrayList<>(List.of("devices > 0"));
        List<Object> params = new java.util.ArrayList<>();
        if (!scope.everything()) {
            List<String> any = new java.util.ArrayList<>();
            for (String prefix : scope.divisionPrefixes()) {
                any.add("community LIKE ?");
                params.add(prefix + "%");
            }
            where.add(any.isEmpty() ? "false" : "(" + String.join(" OR ", any) + ")");
        }
        if (f.typeCode() != null) {
            where.add("type_code = ?");
            params.add(f.typeCode());
        }
        if (f.state() != null) {
            where.add("state = ?");
            params.add(f.state().name());
        }
        if (f.division() != null) {
            where.add("community LIKE ?");
            params.add(f.division().prefix() + "%");
        }
        if (f.department() != null) {
            where.add("department = ?");
            params.add(f.department().value());
        }
        return jdbc.sql("SELECT type_code, department, rpad(left(community, " + prefixLength + "), 12, '0') AS d,"
                        + " state, sum(devices) FROM iot_inventory_count WHERE " + String.join(" AND ", where)
                        + " GROUP BY 1, 2, 3, 4 HAVING sum(devices) > 0 ORDER BY 1, 2, 3, 4")
                .params(params)
                .query((rs, i) -> new InventoryRow(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /** Devices in the field (installed, active, faulty) per child prefix of the filter's division. */
    public Map<String, Long> inFieldByPrefix(DeviceFilter filter, DeviceScope scope, int prefixLength) {
        DeviceWhere where = DeviceWhere.of(filter, scope);
        String sql = "SELECT left(division, " + prefixLength + "), count(*) FROM iot_device" + where.sql()
                + (where.sql().isEmpty() ? " WHERE" : " AND") + " state IN ('INSTALLED', 'ACTIVE', 'FAULTY')"
                + " GROUP BY 1";
        return jdbc
                .sql(sql)
                .params(where.params())
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Devices shared with at least one department besides their owner. */
    public Page<Device> shared(DeviceFilter filter, DeviceScope scope, PageRequest page) {
        DeviceWhere where = DeviceWhere.of(filter, scope);
        String sql = " FROM iot_device" + where.sql() + (where.sql().isEmpty() ? " WHERE" : " AND")
                + " cardinality(shared_with) > 0";
        long total = jdbc.sql("SELECT count(*)" + sql)
                .params(where.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.limit());
        params.add(page.offset());
        List<Device> items = jdbc.sql("SELECT " + DeviceRepository.COLUMNS + sql + " ORDER BY id LIMIT ? OFFSET ?")
                .params(params)
                .query(DeviceRepository::map)
                .list();
        return new Page<>(items, total, page.offset(), page.limit());
    }
}
