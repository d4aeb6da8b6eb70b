package org.cityos.casework.persistence;

import static org.cityos.casework.persistence.CaseRepository.instant;
import static org.cityos.casework.persistence.CaseRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a public request adds to its case, and the public list: only requests posted through Open311 are published
 * (hotline and grid callers never agreed to be), and only columns that carry no personal data are read.
 */
@Repository
public class Open311RequestRepository {
    private static final String PUBLIC_COLUMNS = "c.number, c.status, c.content, c.reply, c.answer, c.main_unit,"
            + " c.received_at, c.updated_at, c.resolution_due, c.address, c.lon, c.lat, m.number AS merged_number,"
            + " r.service_code, r.media_url";
    private static final String FROM = " FROM casework_open311_request r JOIN casework_case c ON c.id = r.case_id"
            + " LEFT JOIN casework_case m ON m.id = c.merged_into";
    private static final String CLOSED = "('CLOSED', 'MERGED')";

    /** The facts of a request that its case does not hold. */
    public record Facts(
            String caseId,
            String serviceCode,
            String mediaUrl,
            String accountId,
            String deviceId,
            String attributes,
            Instant postedAt) {}

    /** One row of the public list, before names are resolved and text masked. */
    public record PublicRow(
            String number,
            String status,
            String content,
            String reply,
            String answer,
            String mainUnit,
            Instant receivedAt,
            Instant updatedAt,
            Instant resolutionDue,
            String address,
            Double lon,
            Double lat,
            String mergedNumber,
            String serviceCode,
            String mediaUrl) {}

    private final JdbcClient jdbc;

    public Open311RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Facts f) {
        jdbc.sql("INSERT INTO casework_open311_request (case_id, service_code, media_url, account_id, device_id,"
                        + " attributes, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING")
                .params(
                        f.caseId(),
                        f.serviceCode(),
                        f.mediaUrl(),
                        f.accountId(),
                        f.deviceId(),
                        f.attributes(),
                        ts(f.postedAt()))
                .update();
    }

    public Optional<PublicRow> byNumber(String number) {
        return jdbc.sql("SELECT " + PUBLIC_COLUMNS + FROM + " WHERE c.number = ?")
                .param(number)
                .query(Open311RequestRepository::map)
                .optional();
    }

    /** The number of the public request the token follows. */
    public Optional<String> numberByToken(String token) {
        return jdbc.sql("SELECT c.number" + FROM + " WHERE c.citizen_token = ?")
                .param(token)
                .query(String.class)
                .optional();
    }

    /** By numbers (nothing else counts), newest first. */
    public List<PublicRow> byNumbers(List<String> numbers, int limit) {
        return jdbc.sql("SELECT " + PUBLIC_COLUMNS + FROM + " WHERE c.number IN (:numbers)"
                        + " ORDER BY c.received_at DESC, c.number DESC LIMIT :limit")
                .param("numbers", numbers)
                .param("limit", limit)
                .query(Open311RequestRepository::map)
                .list();
    }

    /** Received in [from, to), of one service if given, open or closed if given; newest first. */
    public List<PublicRow> search(String serviceCode, Instant from, Instant to, Boolean open, int limit) {
        List<String> where = new ArrayList<>(List.of("c.received_at >= :from", "c.received_at < :to"));
        if (serviceCode != null) {
            where.add("r.service_code = :service");
        }
        if (open != null) {
            where.add("c.status " + (open ? "NOT IN " : "IN ") + CLOSED);
        }
        var spec = jdbc.sql("SELECT " + PUBLIC_COLUMNS + FROM + " WHERE " + String.join(" AND ", where)
                        + " ORDER BY c.received_at DESC, c.number DESC LIMIT :limit")
                .param("from", ts(from))
                .param("to", ts(to))
                .param("limit", limit);
        if (serviceCode != null) {
            spec = spec.param("service", serviceCode);
        }
        return spec.query(Open311RequestRepository::map).list();
    }

    private static PublicRow map(ResultSet rs, int n) throws SQLException {
        return new PublicRow(
                rs.getString("number"),
                rs.getString("status"),
                rs.getString("content"),
                rs.getString("reply"),
                rs.getString("answer"),
                rs.getString("main_unit"),
                instant(rs, "received_at"),
                instant(rs, "updated_at"),
                instant(rs, "resolution_due"),
                rs.getString("address"),
                rs.getObject("lon", Double.class),
                rs.getObject("lat", Double.class),
                rs.getString("merged_number"),
                rs.getString("service_code"),
                rs.getString("media_url"));
    }
}
