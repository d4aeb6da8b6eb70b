package org.cityos.iot.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceBox;
import org.cityos.iot.DeviceClusters;
import org.cityos.iot.DeviceFilter;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceMaintainer;
import org.cityos.iot.DeviceScope;
import org.cityos.iot.DeviceState;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Devices in {@code iot_device}, written with optimistic versions. */
@Repository
public class DeviceRepository {
    static final String COLUMNS = "id, type_code, name, vendor, serial, lon, lat, address, division, department,"
            + " maintainer_name, maintainer_contact, maintainer_phone, installed_on, state, tags, parent_id,"
            + " shared_with, version, created_at, updated_at";
    static final String INSERT = "INSERT INTO iot_device (id, type_code, name, vendor, serial, lon, lat, position,"
            + " address, division, department, maintainer_name, maintainer_contact, maintainer_phone, installed_on,"
            + " state, tags, parent_id, shared_with, version, created_at, updated_at)"
            + " VALUES (?,?,?,?,?,?,?,point(?,?),?,?,?,?,?,?,?,?,?,?,?,0,?,?)";
    private final JdbcClient jdbc;

    public DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Device d, Instant now) {
        jdbc.sql(INSERT).params(insertParams(d, now)).update();
    }

    static Object[] insertParams(Device d, Instant now) {
        return new Object[] {
            d.id().value(),
            d.typeCode(),
            d.name(),
            d.vendor(),
            d.serial(),
            d.location().lon(),
            d.location().lat(),
            d.location().lon(),
            d.location().lat(),
            d.address(),
            d.division().value(),
            d.department().value(),
            d.maintainer().organisation(),
            d.maintainer().contact(),
            d.maintainer().phone(),
            d.installedOn() == null ? null : Date.valueOf(d.installedOn()),
            d.state().name(),
            d.tags().toArray(String[]::new),
            d.parent() == null ? null : d.parent().value(),
            shared(d),
            Timestamp.from(now),
            Timestamp.from(now)
        };
    }

    /** Changes everything but id, state and creation if the device is still at {@code expectedVersion}. */
    public boolean update(Device d, int expectedVersion, Instant now) {
        return jdbc.sql("UPDATE iot_device SET type_code = ?, name = ?, vendor = ?, serial = ?, lon = ?, lat = ?,"
                                + " position = point(?,?), address = ?, division = ?, department = ?,"
                                + " maintainer_name = ?, maintainer_contact = ?, maintainer_phone = ?,"
                                + " installed_on = ?, tags = ?, parent_id = ?, shared_with = ?,"
                                + " version = version + 1, updated_at = ? WHERE id = ? AND version = ?")
                        .params(
                                d.typeCode(),
                                d.name(),
                                d.vendor(),
                                d.serial(),
                                d.location().lon(),
                                d.location().lat(),
                                d.location().lon(),
                                d.location().lat(),
                                d.address(),
                                d.division().value(),
                                d.department().value(),
                                d.maintainer().organisation(),
                                d.maintainer().contact(),
                                d.maintainer().phone(),
                                d.installedOn() == null ? null : Date.valueOf(d.installedOn()),
                                d.tags().toArray(String[]::new),
                                d.parent() == null ? null : d.parent().value(),
                                shared(d),
                                Timestamp.from(now),
                                d.id().value(),
                                expectedVersion)
                        .update()
                == 1;
    }

    /** Moves the state only if it still is {@code from}, so two concurrent transitions cannot both win. */
    public boolean changeState(DeviceId id, DeviceState from, DeviceState to, Instant now) {
        return jdbc.sql("UPDATE iot_device SET state = ?, version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND state = ?")
                        .params(to.name(), Timestamp.from(now), id.value(), from.name())
                        .update()
                == 1;
    }

    public Optional<Device> find(DeviceId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_device WHERE id = ?")
                .param(id.value())
                .query(DeviceRepository::map)
                .optional();
    }

    public Optional<DeviceId> findBySerial(String vendor, String serial) {
        return jdbc.sql("SELECT id FROM iot_device WHERE vendor = ? AND serial = ?")
                .params(vendor, serial)
                .query((rs, i) -> new DeviceId(rs.getString(1)))
                .optional();
    }

    /** Devices of a type whose point lies in a box around {@code at}; the caller measures exact distances. */
    public List<Device> inBox(String typeCode, GeoPoint at, double halfLon, double halfLat) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_device WHERE type_code = ? AND state <> 'RETIRED'"
                        + " AND position <@ box(point(?,?), point(?,?))")
                .params(typeCode, at.lon() - halfLon, at.lat() - halfLat, at.lon() + halfLon, at.lat() + halfLat)
                .query(DeviceRepository::map)
                .list();
    }

    /** The devices registered behind a gateway (not retired). */
    public List<Device> childrenOf(DeviceId parent) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_device WHERE parent_id = ? AND state <> 'RETIRED'")
                .param(parent.value())
                .query(DeviceRepository::map)
                .list();
    }

    public Optional<DeviceId> parentOf(DeviceId id) {
        return jdbc.sql("SELECT parent_id FROM iot_device WHERE id = ? AND parent_id IS NOT NULL")
                .param(id.value())
                .query((rs, i) -> new DeviceId(rs.getString(1)))
                .optional();
    }

    public Page<Device> page(DeviceFilter filter, DeviceScope scope, PageRequest page) {
        DeviceWhere where = DeviceWhere.of(filter, scope);
        long total = jdbc.sql("SELECT count(*) FROM iot_device" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Object> params = new java.util.ArrayList<>(where.params());
        params.add(page.limit());
        params.add(page.offset());
        List<Device> items = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM iot_device" + where.sql() + " ORDER BY id LIMIT ? OFFSET ?")
                .params(params)
                .query(DeviceRepository::map)
                .list();
        return new Page<>(items, total, page.offset(), page.limit());
    }

    /**
     * Devices of the filter within the scope and the box, counted per square cell of {@code cell} degrees (cells
     * aligned to multiples of it, so a panned map keeps its clusters); retired ones only when the filter asks.
     */
    public List<DeviceClusters.Cluster> clusters(DeviceFilter filter, DeviceScope scope, DeviceBox box, double cell) {
        DeviceWhere where = DeviceWhere.of(filter, scope);
        List<Object> params = new java.util.ArrayList<>(where.params());
        StringBuilder sql = new StringBuilder(where.sql().isEmpty() ? " WHERE " : where.sql() + " AND ");
        sql.append("lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?");
        params.addAll(List.of(box.minLon(), box.maxLon(), box.minLat(), box.maxLat()));
        if (filter.state() == null) {
            sql.append(" AND state <> 'RETIRED'");
        }
        params.add(cell);
        params.add(cell);
        return jdbc.sql("SELECT avg(lon), avg(lat), count(*), count(*) FILTER (WHERE state = 'FAULTY'), min(id)"
                        + " FROM iot_device" + sql + " GROUP BY floor(lon / ?), floor(lat / ?)")
                .params(params)
                .query((rs, i) -> {
                    long count = rs.getLong(3);
                    return new DeviceClusters.Cluster(
                            rs.getDouble(1),
                            rs.getDouble(2),
                            count,
                            rs.getLong(4),
                            count == 1 ? new DeviceId(rs.getString(5)) : null);
                })
                .list();
    }

    /** Streams every device matching the filter within the scope, in id order, without holding them all. */
    public void forEach(DeviceFilter filter, DeviceScope scope, java.util.function.Consumer<Device> each) {
        DeviceWhere where = DeviceWhere.of(filter, scope);
        // Inside a transaction PostgreSQL fetches 1000 rows at a time instead of the whole result.
        try (java.util.stream.Stream<Device> rows = jdbc
                .sql("SELECT " + COLUMNS + " FROM iot_device" + where.sql() + " ORDER BY id")
                .params(where.params())
                .withFetchSize(1000)
                .query(DeviceRepository::map)
                .stream()) {
            rows.forEach(each);
        }
    }

    private static String[] shared(Device d) {
        return d.sharedWith().stream().map(DepartmentCode::value).sorted().toArray(String[]::new);
    }

    static Device map(ResultSet rs, int row) throws SQLException {
        Date installed = rs.getDate("installed_on");
        String parent = rs.getString("parent_id");
        return new Device(
                new DeviceId(rs.getString("id")),
                rs.getString("type_code"),
                rs.getString("name"),
                rs.getString("vendor"),
                rs.getString("serial"),
                new GeoPoint(rs.getDouble("lon"), rs.getDouble("lat")),
                rs.getString("address"),
                new DivisionCode(rs.getString("division")),
                new DepartmentCode(rs.getString("department")),
                new DeviceMaintainer(
                        rs.getString("maintainer_name"),
                        rs.getString("maintainer_contact"),
                        rs.getString("maintainer_phone")),
                installed == null ? null : installed.toLocalDate(),
                DeviceState.valueOf(rs.getString("state")),
                strings(rs.getArray("tags")),
                parent == null ? null : new DeviceId(parent),
                strings(rs.getArray("shared_with")).stream()
                        .map(DepartmentCode::new)
                        .collect(Collectors.toSet()),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
