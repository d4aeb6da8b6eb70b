package org.cityos.iot.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-type payload form and declarative mapping in {@code iot_payload_mapping}. */
@Repository
public class PayloadMappingRepository {
    private final JdbcClient jdbc;

    public PayloadMappingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored form name and mapping JSON of a type; values may be null. */
    public record Stored(String form, String mappingJson) {}

    public Optional<Stored> find(String typeCode) {
        return jdbc.sql("SELECT form, mapping::text FROM iot_payload_mapping WHERE type_code = ?")
                .param(typeCode)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public void put(String typeCode, String form, String mappingJson, Instant now) {
        jdbc.sql("INSERT INTO iot_payload_mapping (type_code, form, mapping, updated_at) VALUES (?,?,?::jsonb,?)"
                        + " ON CONFLICT (type_code) DO UPDATE SET form = excluded.form, mapping = excluded.mapping,"
                        + " updated_at = excluded.updated_at")
                .params(typeCode, form, mappingJson, Timestamp.from(now))
                .update();
    }

    public boolean delete(String typeCode) {
        return jdbc.sql("DELETE FROM iot_payload_mapping WHERE type_code = ?")
                        .param(typeCode)
                        .update()
                > 0;
    }
}
