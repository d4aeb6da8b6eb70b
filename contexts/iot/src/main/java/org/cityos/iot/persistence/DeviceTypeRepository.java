package org.cityos.iot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.iot.DeviceCommand;
import org.cityos.iot.DeviceProperty;
import org.cityos.iot.DeviceType;
import org.cityos.iot.DeviceTypeComponentClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Device types ({@code iot_device_type}, properties and commands as one JSON document) and component classes. */
@Repository
public class DeviceTypeRepository {
    private static final String COLUMNS =
            "code, name_zh, name_en, domain, component_class, smart_data_model, gateway, definition::text, builtin,"
                    + " version";
    private final JdbcClient jdbc;

    public DeviceTypeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a type's JSON column holds. */
    record Definition(List<DeviceProperty> properties, List<DeviceCommand> commands) {}

    public List<DeviceType> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_device_type ORDER BY code")
                .query(DeviceTypeRepository::map)
                .list();
    }

    public Optional<DeviceType> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_device_type WHERE code = ?")
                .param(code)
                .query(DeviceTypeRepository::map)
                .optional();
    }

    /** Inserts unless a type with the code exists; returns whether it did. */
    public boolean insert(DeviceType t, Instant now) {
        return jdbc.sql("INSERT INTO iot_device_type (code, name_zh, name_en, domain, component_class,"
                                + " smart_data_model, gateway, definition, builtin, version, created_at, updated_at)"
                                + " VALUES (?,?,?,?,?,?,?,CAST(? AS jsonb),?,0,?,?) ON CONFLICT (code) DO NOTHING")
                        .params(
                                t.code(),
                                t.nameZh(),
                                t.nameEn(),
                                t.domain(),
                                t.componentClass(),
                                t.smartDataModel(),
                                t.gateway(),
                                Json.write(new Definition(t.properties(), t.commands())),
                                t.builtin(),
                                Timestamp.from(now),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Changes the type if it is still at {@code expectedVersion}; false when someone else changed it first. */
    public boolean update(DeviceType t, int expectedVersion, Instant now) {
        return jdbc.sql("UPDATE iot_device_type SET name_zh = ?, name_en = ?, domain = ?, component_class = ?,"
                                + " smart_data_model = ?, gateway = ?, definition = CAST(? AS jsonb),"
                                + " version = version + 1, updated_at = ? WHERE code = ? AND version = ?")
                        .params(
                                t.nameZh(),
                                t.nameEn(),
                                t.domain(),
                                t.componentClass(),
                                t.smartDataModel(),
                                t.gateway(),
                                Json.write(new Definition(t.properties(), t.commands())),
                                Timestamp.from(now),
                                t.code(),
                                expectedVersion)
                        .update()
                == 1;
    }

    public List<DeviceTypeComponentClass> classes() {
        return jdbc.sql("SELECT code, parent_code, name_zh, name_en FROM iot_component_class ORDER BY code")
                .query((rs, i) -> new DeviceTypeComponentClass(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Replaces the whole class table (callers check that no type loses its class). */
    public void replaceClasses(List<DeviceTypeComponentClass> classes) {
        jdbc.sql("DELETE FROM iot_component_class").update();
        addClasses(classes);
    }

    public void addClasses(List<DeviceTypeComponentClass> classes) {
        for (DeviceTypeComponentClass c : classes) {
            jdbc.sql("INSERT INTO iot_component_class (code, parent_code, name_zh, name_en) VALUES (?,?,?,?)"
                            + " ON CONFLICT (code) DO NOTHING")
                    .params(c.code(), c.parentCode(), c.nameZh(), c.nameEn())
                    .update();
        }
    }

    public List<String> classesInUse() {
        return jdbc.sql("SELECT DISTINCT component_class FROM iot_device_type WHERE component_class IS NOT NULL")
                .query(String.class)
                .list();
    }

    private static DeviceType map(ResultSet rs, int row) throws SQLException {
        Definition d = Json.read(rs.getString(8), Definition.class);
        return new DeviceType(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                d.properties(),
                d.commands(),
                rs.getBoolean(9),
                rs.getInt(10));
    }
}
