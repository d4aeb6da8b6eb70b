package org.cityos.spatial.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cityos.kernel.DepartmentCode;
import org.cityos.spatial.FeatureBox;
import org.cityos.spatial.Layer;
import org.cityos.spatial.LayerAccess;
import org.cityos.spatial.LayerDefinition;
import org.cityos.spatial.LayerExtent;
import org.cityos.spatial.LayerGeometryType;
import org.cityos.spatial.LayerId;
import org.cityos.spatial.LayerUpdateFrequency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The layer registry in {@code spatial_layer}, with the feature summary kept beside each definition. */
@Repository
public class LayerRepository {
    // A box stores its upper-right corner first: [1] is the lower-left.
    private static final String COLUMNS = "id, title_zh, title_en, description, owner_department, geometry_type,"
            + " style::text, update_frequency, access_level, reader_departments, synthetic, version, created_at,"
            + " updated_at, feature_count, (extent[1])[0], (extent[1])[1], (extent[0])[0], (extent[0])[1],"
            + " earliest, latest, features_version";
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public LayerRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(LayerDefinition d, Instant now) {
        jdbc.sql("INSERT INTO spatial_layer (id, title_zh, title_en, description, owner_department, geometry_type,"
                        + " style, update_frequency, access_level, reader_departments, synthetic, version, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        d.id().value(),
                        d.titleZh().strip(),
                        d.titleEn().strip(),
                        d.description().strip(),
                        d.owner().value(),
                        d.geometryType().name(),
                        json.writeValueAsString(d.style()),
                        d.updateFrequency().name(),
                        d.access().name(),
                        readers(d),
                        d.synthetic(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /** Changes the definition if it is still at {@code expectedVersion}; false if someone was first. */
    public boolean update(LayerDefinition d, int expectedVersion, Instant now) {
        return jdbc.sql("UPDATE spatial_layer SET title_zh = ?, title_en = ?, description = ?, owner_department = ?,"
                                + " geometry_type = ?, style = ?::jsonb, update_frequency = ?, access_level = ?,"
                                + " reader_departments = ?, synthetic = ?, version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND version = ?")
                        .params(
                                d.titleZh().strip(),
                                d.titleEn().strip(),
                                d.description().strip(),
                                d.owner().value(),
                                d.geometryType().name(),
                                json.writeValueAsString(d.style()),
                                d.updateFrequency().name(),
                                d.access().name(),
                                readers(d),
                                d.synthetic(),
                                Timestamp.from(now),
                                d.id().value(),
                                expectedVersion)
                        .update()
                == 1;
    }

    public boolean delete(LayerId id) {
        return jdbc.sql("DELETE FROM spatial_layer WHERE id = ?")
                        .param(id.value())
                        .update()
                == 1;
    }

    public Optional<Layer> find(LayerId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_layer WHERE id = ?")
                .param(id.value())
                .query(this::map)
                .optional();
    }

    /** Locks the layer row so that concurrent feature writes to one layer queue instead of interleaving. */
    public Optional<Layer> lock(LayerId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_layer WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(this::map)
                .optional();
    }

    public List<Layer> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_layer ORDER BY id")
                .query(this::map)
                .list();
    }

    /** Recomputes count, extent and time span from the features and bumps the features version. */
    public void refreshExtent(LayerId id) {
        jdbc.sql("UPDATE spatial_layer l SET feature_count = s.n, extent = s.ext, earliest = s.t0, latest = s.t1,"
                        + " features_version = l.features_version + 1"
                        + " FROM (SELECT count(*) AS n, box(point(min((bbox[1])[0]), min((bbox[1])[1])),"
                        + " point(max((bbox[0])[0]), max((bbox[0])[1]))) AS ext, min(datetime) AS t0,"
                        + " max(datetime) AS t1 FROM spatial_feature WHERE layer_id = ?) s WHERE l.id = ?")
                .params(id.value(), id.value())
                .update();
    }

    private static String[] readers(LayerDefinition d) {
        return d.readers().stream().map(DepartmentCode::value).sorted().toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    private Layer map(ResultSet rs, int row) throws SQLException {
        String[] readers = (String[]) rs.getArray(10).getArray();
        LayerDefinition d = new LayerDefinition(
                LayerId.of(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                DepartmentCode.of(rs.getString(5)),
                LayerGeometryType.valueOf(rs.getString(6)),
                json.readValue(rs.getString(7), LinkedHashMap.class),
                LayerUpdateFrequency.valueOf(rs.getString(8)),
                LayerAccess.valueOf(rs.getString(9)),
                Arrays.stream(readers).map(DepartmentCode::of).collect(Collectors.toSet()),
                rs.getBoolean(11));
        FeatureBox extent = rs.getObject(16) == null
                ? null
                : new FeatureBox(rs.getDouble(16), rs.getDouble(17), rs.getDouble(18), rs.getDouble(19));
        LayerExtent summary = new LayerExtent(rs.getLong(15), extent, instant(rs, 20), instant(rs, 21), rs.getLong(22));
        return new Layer(d, rs.getInt(12), instant(rs, 13), instant(rs, 14), summary);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Map<String, Object> properties(JsonMapper json, String text) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.readValue(text, LinkedHashMap.class);
        return map;
    }
}
