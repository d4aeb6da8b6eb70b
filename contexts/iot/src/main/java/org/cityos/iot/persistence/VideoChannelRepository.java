package org.cityos.iot.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cityos.iot.VideoChannel;
import org.cityos.iot.VideoChannelFilter;
import org.cityos.iot.VideoChannelId;
import org.cityos.iot.VideoChannelStatus;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Channels in {@code iot_video_channel}; writes check the expected version (optimistic locking). */
@Repository
public class VideoChannelRepository {
    private static final String COLUMNS = "id, gb_id, type_code, name, department, lon, lat, address, division_code,"
            + " grid_code, status, status_changed_at, stream_url, ptz, tags, synthetic, source, version, created_at,"
            + " updated_at";
    private static final String INSERT = "INSERT INTO iot_video_channel (id, gb_id, type_code, name, department, lon,"
            + " lat, pt, address, division_code, grid_code, place_code, status, status_changed_at, stream_url, ptz,"
            + " tags, synthetic, source, version, created_at, updated_at)"
            + " VALUES (?,?,?,?,?,?,?,point(?,?),?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public VideoChannelRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<VideoChannel> find(VideoChannelId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_video_channel WHERE id = ?")
                .param(id.value())
                .query(VideoChannelRepository::map)
                .optional();
    }

    public Optional<VideoChannel> findByGbId(String gbId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_video_channel WHERE gb_id = ?")
                .param(gbId)
                .query(VideoChannelRepository::map)
                .optional();
    }

    public List<VideoChannel> findByGbIds(Collection<String> gbIds) {
        if (gbIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_video_channel WHERE gb_id = ANY(?)")
                .param(gbIds.toArray(String[]::new))
                .query(VideoChannelRepository::map)
                .list();
    }

    public boolean gbIdTaken(String gbId, VideoChannelId except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM iot_video_channel WHERE gb_id = ? AND id <> ?)")
                .params(gbId, except.value())
                .query(Boolean.class)
                .single();
    }

    /** One page in GB id order; {@code scope} are division prefixes (null = everything). */
    public Page<VideoChannel> list(VideoChannelFilter filter, List<String> scope, PageRequest page) {
        ChannelWhere where = new ChannelWhere(filter, scope);
        long total = where.bind(jdbc.sql("SELECT count(*) FROM iot_video_channel" + where.sql()))
                .query(Long.class)
                .single();
        List<VideoChannel> items = where.bind(jdbc.sql("SELECT " + COLUMNS + " FROM iot_video_channel" + where.sql()
                        + " ORDER BY gb_id LIMIT :limit OFFSET :offset"))
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(VideoChannelRepository::map)
                .list();
        return new Page<>(items, total, page.offset(), page.limit());
    }

    public void insert(VideoChannel c) {
        insertAll(List.of(c));
    }

    public void insertAll(List<VideoChannel> channels) {
        for (int from = 0; from < channels.size(); from += BATCH) {
            List<VideoChannel> batch = channels.subList(from, Math.min(channels.size(), from + BATCH));
            template.batchUpdate(INSERT, batch, batch.size(), VideoChannelRepository::bindInsert);
        }
    }

    /** Writes {@code c} (whose version is the new one) if the stored version is still {@code expectedVersion}. */
    public boolean update(VideoChannel c, int expectedVersion) {
        return jdbc.sql("UPDATE iot_video_channel SET gb_id = :gb, type_code = :type, name = :name,"
                                + " department = :dept, lon = :lon, lat = :lat, pt = point(:lon, :lat),"
                                + " address = :address, division_code = :division, grid_code = :grid,"
                                + " place_code = :place, status = :status, status_changed_at = :statusAt,"
                                + " stream_url = :stream, ptz = :ptz, tags = :tags, source = :source,"
                                + " version = :version, updated_at = :updated WHERE id = :id AND version = :expected")
                        .param("gb", c.gbId())
                        .param("type", c.typeCode())
                        .param("name", c.name())
                        .param("dept", c.department().value())
                        .param("lon", c.location().lon())
                        .param("lat", c.location().lat())
                        .param("address", c.address())
                        .param("division", c.division().value())
                        .param("grid", c.grid() == null ? null : c.grid().value())
                        .param("place", c.place().value())
                        .param("status", c.status().name())
                        .param("statusAt", Timestamp.from(c.statusChangedAt()))
                        .param("stream", c.streamUrl())
                        .param("ptz", c.ptz())
                        .param("tags", c.tags().toArray(String[]::new))
                        .param("source", c.source())
                        .param("version", c.version())
                        .param("updated", Timestamp.from(c.updatedAt()))
                        .param("id", c.id().value())
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    private static void bindInsert(PreparedStatement ps, VideoChannel c) throws SQLException {
        int i = 1;
        ps.setObject(i++, c.id().value());
        ps.setString(i++, c.gbId());
        ps.setString(i++, c.typeCode());
        ps.setString(i++, c.name());
        ps.setString(i++, c.department().value());
        ps.setDouble(i++, c.location().lon());
        ps.setDouble(i++, c.location().lat());
        ps.setDouble(i++, c.location().lon());
        ps.setDouble(i++, c.location().lat());
        ps.setString(i++, c.address());
        ps.setString(i++, c.division().value());
        ps.setString(i++, c.grid() == null ? null : c.grid().value());
        ps.setString(i++, c.place().value());
        ps.setString(i++, c.status().name());
        ps.setTimestamp(i++, Timestamp.from(c.statusChangedAt()));
        ps.setString(i++, c.streamUrl());
        ps.setBoolean(i++, c.ptz());
        ps.setArray(i++, ps.getConnection().createArrayOf("text", c.tags().toArray()));
        ps.setBoolean(i++, c.synthetic());
        ps.setString(i++, c.source());
        ps.setInt(i++, c.version());
        ps.setTimestamp(i++, Timestamp.from(c.createdAt()));
        ps.setTimestamp(i, Timestamp.from(c.updatedAt()));
    }

    static VideoChannel map(ResultSet rs, int row) throws SQLException {
        String grid = rs.getString("grid_code");
        return new VideoChannel(
                new VideoChannelId(rs.getObject("id", java.util.UUID.class)),
                rs.getString("gb_id"),
                rs.getString("type_code"),
                rs.getString("name"),
                DepartmentCode.of(rs.getString("department")),
                new GeoPoint(rs.getDouble("lon"), rs.getDouble("lat")),
                rs.getString("address"),
                DivisionCode.of(rs.getString("division_code")),
                grid == null ? null : DivisionCode.of(grid),
                VideoChannelStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("status_changed_at").toInstant(),
                rs.getString("stream_url"),
                rs.getBoolean("ptz"),
                List.of((String[]) rs.getArray("tags").getArray()),
                rs.getBoolean("synthetic"),
                rs.getString("source"),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
