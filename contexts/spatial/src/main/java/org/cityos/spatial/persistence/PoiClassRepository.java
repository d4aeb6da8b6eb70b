package org.cityos.spatial.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.spatial.PoiClass;
import org.cityos.spatial.PoiClassDraft;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The POI class catalogue in {@code spatial_poi_class}. */
@Repository
public class PoiClassRepository {
    private static final String COLUMNS = "code, name_zh, name_en, icon, colour, sort_order, version";
    private final JdbcClient jdbc;

    public PoiClassRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PoiClass> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_poi_class ORDER BY sort_order, code")
                .query((rs, i) -> new PoiClass(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getInt(7)))
                .list();
    }

    public Optional<PoiClass> find(String code) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public void insert(PoiClassDraft d, int sortOrder, Instant now) {
        jdbc.sql("INSERT INTO spatial_poi_class (code, name_zh, name_en, icon, colour, sort_order, version,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        d.code(),
                        d.nameZh().strip(),
                        d.nameEn().strip(),
                        d.icon(),
                        d.colour(),
                        sortOrder,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /** False when the class is no longer at {@code expectedVersion}. */
    public boolean update(String code, PoiClassDraft d, int sortOrder, int expectedVersion, Instant now) {
        return jdbc.sql(
                                "UPDATE spatial_poi_class SET name_zh = ?, name_en = ?, icon = ?, colour = ?,"
                                        + " sort_order = ?, version = version + 1, updated_at = ? WHERE code = ? AND version = ?")
                        .params(
                                d.nameZh().strip(),
                                d.nameEn().strip(),
                                d.icon(),
                                d.colour(),
                                sortOrder,
                                Timestamp.from(now),
                                code,
                                expectedVersion)
                        .update()
                == 1;
    }
}
