package org.cityos.iot.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.cityos.iot.DeviceConnectivity;
import org.cityos.iot.DeviceFilter;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceScope;
import org.cityos.iot.HealthCount;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Installed devices (not planned, not retired) joined with their flushed latest state: counts per type and lists
 * by health, within a scope.
 */
@Repository
public class ConnectivityRepository {
    private static final String FROM = " FROM iot_device LEFT JOIN iot_device_latest l ON l.device_id = id";
    private final JdbcClient jdbc;

    public ConnectivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HealthCount> counts(DeviceFilter filter, DeviceScope scope) {
        DeviceWhere where = installed(filter, scope);
        return jdbc.sql("SELECT type_code, count(*), count(*) FILTER (WHERE l.online),"
                        + " count(*) FILTER (WHERE l.device_id IS NOT NULL AND NOT l.online),"
                        + " count(*) FILTER (WHERE l.device_id IS NULL)" + FROM + where.sql()
                        + " GROUP BY type_code ORDER BY type_code")
                .params(where.params())
                .query((rs, i) ->
                        new HealthCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    public Page<DeviceConnectivity> list(
            DeviceFilter filter, DeviceScope scope, DeviceConnectivity.Health health, PageRequest page) {
        DeviceWhere where = installed(filter, scope);
        String condition = switch (health) {
            case ONLINE -> " AND l.online";
            case OFFLINE -> " AND l.device_id IS NOT NULL AND NOT l.online";
            case SILENT -> " AND l.device_id IS NULL";
        };
        long total = jdbc.sql("SELECT count(*)" + FROM + where.sql() + condition)
                .params(where.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.limit());
        params.add(page.offset());
        List<DeviceConnectivity> items = jdbc.sql("SELECT id, name, type_code, division, installed_on, l.last_seen"
                        + FROM + where.sql() + condition + " ORDER BY l.last_seen NULLS FIRST, id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, i) -> {
                    Date installed = rs.getDate(5);
                    Timestamp seen = rs.getTimestamp(6);
                    return new DeviceConnectivity(
                            new DeviceId(rs.getString(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            installed == null ? null : installed.toLocalDate(),
                            seen == null ? null : seen.toInstant(),
                            health.name());
                })
                .list();
        return new Page<>(items, total, page.offset(), page.limit());
    }

    private static DeviceWhere installed(DeviceFilter filter, DeviceScope scope) {
        DeviceWhere w = DeviceWhere.of(filter, scope);
        String installed = "state NOT IN ('PLANNED', 'RETIRED')";
        return new DeviceWhere(w.sql().isEmpty() ? " WHERE " + installed : w.sql() + " AND " + installed, w.params());
    }
}
