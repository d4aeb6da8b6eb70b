package org.cityos.spatial.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.StandardAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gazetteer table. Rows go in as column arrays unnested by the server, 10,000 per statement:
 * one round trip per chunk makes 180k rows a matter of seconds without driver-specific COPY code.
 */
@Repository
public class AddressRepository {
    private static final int CHUNK = 10_000;
    private static final String SEPARATOR = "\u001f";
    private static final String COLUMNS = "id, road_id, district, town, community, road, house_number, compound,"
            + " building, unit, room, aliases, lon, lat, town_code, division_code, grid_code, synthetic";

    private final JdbcClient jdbc;

    public AddressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(List<AddressEntry> entries, Instant now) {
        for (List<AddressEntry> chunk : RoadRepository.chunks(entries, CHUNK)) {
            int n = chunk.size();
            Long[] ids = new Long[n];
            Long[] roads = new Long[n];
            String[][] text = new String[12][n];
            Double[] lons = new Double[n];
            Double[] lats = new Double[n];
            Boolean[] synthetic = new Boolean[n];
            for (int i = 0; i < n; i++) {
                AddressEntry e = chunk.get(i);
                StandardAddress a = e.address();
                ids[i] = e.id();
                roads[i] = e.roadId() > 0 ? e.roadId() : null;
                String[] row = {
                    a.district(),
                    a.town(),
                    a.community(),
                    a.road(),
                    a.number(),
                    a.compound(),
                    a.building(),
                    a.unit(),
                    a.room(),
                    String.join(SEPARATOR, e.aliases()),
                    e.townCode(),
                    e.divisionCode()
                };
                for (int c = 0; c < row.length; c++) {
                    text[c][i] = row[c];
                }
                lons[i] = e.point().lon();
                lats[i] = e.point().lat();
                synthetic[i] = e.synthetic();
            }
            String[] grids = chunk.stream().map(AddressEntry::gridCode).toArray(String[]::new);
            jdbc.sql("INSERT INTO spatial_address (id, road_id, district, town, community, road, house_number,"
                            + " compound, building, unit, room, aliases, lon, lat, location, town_code, division_code,"
                            + " grid_code, synthetic, created_at)"
                            + " SELECT id, road_id, district, town, community, road, num, compound, building, unit,"
                            + " room, string_to_array(aliases, chr(31)), lon, lat, point(lon, lat), town_code,"
                            + " division_code, grid_code, synthetic, ?"
                            + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
                            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[],"
                            + " ?::float8[], ?::text[], ?::text[], ?::text[], ?::boolean[])"
                            + " AS t(id, road_id, district, town, community, road, num, compound, building, unit,"
                            + " room, aliases, lon, lat, town_code, division_code, grid_code, synthetic)")
                    .params(
                            Timestamp.from(now),
                            ids,
                            roads,
                            text[0],
                            text[1],
                            text[2],
                            text[3],
                            text[4],
                            text[5],
                            text[6],
                            text[7],
                            text[8],
                            text[9],
                            lons,
                            lats,
                            text[10],
                            text[11],
                            grids,
                            synthetic)
                    .update();
        }
    }

    public List<AddressEntry> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_address ORDER BY id")
                .query((rs, i) -> entry(rs))
                .list();
    }

    /** The k addresses nearest a WGS84 point, by the GiST index (planar degrees, good for ranking nearby). */
    public List<AddressEntry> nearest(GeoPoint p, int k) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_address ORDER BY location <-> point(?, ?) LIMIT ?")
                .params(p.lon(), p.lat(), k)
                .query((rs, i) -> entry(rs))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM spatial_address")
                .query(Long.class)
                .single();
    }

    private static AddressEntry entry(ResultSet rs) throws SQLException {
        Array aliases = rs.getArray(12);
        long road = rs.getLong(2);
        boolean noRoad = rs.wasNull();
        return new AddressEntry(
                rs.getLong(1),
                new StandardAddress(
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)),
                new GeoPoint(rs.getDouble(13), rs.getDouble(14)),
                noRoad ? 0 : road,
                rs.getString(15),
                rs.getString(16),
                rs.getString(17),
                rs.getBoolean(18),
                aliases == null ? List.of() : Arrays.asList((String[]) aliases.getArray()));
    }
}
