package org.cityos.casework.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases: insert, read, and write back under the version read (optimistic locking: 0 rows means someone else won). */
@Repository
public class CaseRepository {
    static final String COLUMNS = "id, number, channel, external_id, request_type, title, content, category_code,"
            + " suggested_category, urgency, status, status_before, address, lon, lat, division_code, town_code,"
            + " community_code, grid_code, caller_name, caller_phone, citizen_token, source_ref, reported_by, main_unit,"
            + " received_at, dispatched_at, signed_at, replied_at, verified_at, closed_at, suspended_at, response_due,"
            + " response_warn_at, resolution_due, resolution_warn_at, response_overdue, resolution_overdue, reply, answer, solved, satisfaction, rated_at,"
            + " excluded_from_rates, supervisions, reopenings, merged_into, split_from, duplicate_of, version, updated_at";

    private static final String SET = Arrays.stream(COLUMNS.split(", "))
            .filter(c -> !c.equals("id") && !c.equals("version"))
            .map(c -> c + " = ?")
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next human case number of the day, e.g. {@code 20261124000123}. */
    public String nextNumber(String day) {
        long n = jdbc.sql("SELECT nextval('casework_case_number')")
                .query(Long.class)
                .single();
        return day + String.format("%06d", n % 1_000_000);
    }

    public void insert(CaseRow c) {
        jdbc.sql("INSERT INTO casework_case (" + COLUMNS + ") VALUES (" + "?, ".repeat(50) + "?)")
                .params(values(c))
                .update();
    }

    public Optional<CaseRow> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE id = ?")
                .param(id)
                .query(CaseRepository::map)
                .optional();
    }

    public Optional<CaseRow> findByNumber(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE number = ?")
                .param(number)
                .query(CaseRepository::map)
                .optional();
    }

    public Optional<CaseRow> findByExternal(String channel, String externalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE channel = ? AND external_id = ?")
                .params(channel, externalId)
                .query(CaseRepository::map)
                .optional();
    }

    public Optional<CaseRow> findByToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE citizen_token = ?")
                .param(token)
                .query(CaseRepository::map)
                .optional();
    }

    /** Writes the row back if nobody changed it since it was read; bumps the version. */
    public boolean update(CaseRow c) {
        List<Object> params = new ArrayList<>(Arrays.asList(values(c)));
        params.remove(0); // id goes last
        params.remove(params.size() - 2); // version is bumped in SQL
        params.add(c.id);
        params.add(c.version);
        int changed = jdbc.sql(
                        "UPDATE casework_case SET " + SET + ", version = version + 1" + " WHERE id = ? AND version = ?")
                .params(params)
                .update();
        if (changed == 1) {
            c.version++;
        }
        return changed == 1;
    }

    /** Open cases of the same category near a point since a moment: candidates for a duplicate link. */
    public List<CaseRow> openNear(String category, double lon, double lat, double degrees, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE category_code = ? AND received_at >= ?"
                        + " AND status NOT IN ('CLOSED', 'MERGED') AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?"
                        + " ORDER BY received_at LIMIT 20")
                .params(category, ts(since), lon - degrees, lon + degrees, lat - degrees, lat + degrees)
                .query(CaseRepository::map)
                .list();
    }

    public Page<CaseRow> search(CaseQuery q, PageRequest page) {
        CaseQuery.Where where = q.where();
        long total = jdbc.sql("SELECT count(*) FROM casework_case c WHERE " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.limit());
        params.add(page.offset());
        List<CaseRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM casework_case c WHERE " + where.sql()
                        + " ORDER BY received_at DESC, id LIMIT ? OFFSET ?")
                .params(params)
                .query(CaseRepository::map)
                .list();
        return new Page<>(rows, total, page.offset(), page.limit());
    }

    private static Object[] values(CaseRow c) {
        return new Object[] {
            c.id,
            c.number,
            c.channel,
            c.externalId,
            c.requestType,
            c.title,
            c.content,
            c.categoryCode,
            c.suggestedCategory,
            c.urgency,
            c.status,
            c.statusBefore,
            c.address,
            c.lon,
            c.lat,
            c.divisionCode,
            c.townCode,
            c.communityCode,
            c.gridCode,
            c.callerName,
            c.callerPhone,
            c.citizenToken,
            c.sourceRef,
            c.reportedBy,
            c.mainUnit,
            ts(c.receivedAt),
            ts(c.dispatchedAt),
            ts(c.signedAt),
            ts(c.repliedAt),
            ts(c.verifiedAt),
            ts(c.closedAt),
            ts(c.suspendedAt),
            ts(c.responseDue),
            ts(c.responseWarnAt),
            ts(c.resolutionDue),
            ts(c.resolutionWarnAt),
            c.responseOverdue,
            c.resolutionOverdue,
            c.reply,
            c.answer,
            c.solved,
            c.satisfaction,
            ts(c.ratedAt),
            c.excludedFromRates,
            c.supervisions,
            c.reopenings,
            c.mergedInto,
            c.splitFrom,
            c.duplicateOf,
            c.version,
            ts(c.updatedAt)
        };
    }

    static CaseRow map(ResultSet rs, int n) throws SQLException {
        CaseRow c = new CaseRow();
        c.id = rs.getString("id");
        c.number = rs.getString("number");
        c.channel = rs.getString("channel");
        c.externalId = rs.getString("external_id");
        c.requestType = rs.getString("request_type");
        c.title = rs.getString("title");
        c.content = rs.getString("content");
        c.categoryCode = rs.getString("category_code");
        c.suggestedCategory = rs.getString("suggested_category");
        c.urgency = rs.getString("urgency");
        c.status = rs.getString("status");
        c.statusBefore = rs.getString("status_before");
        c.address = rs.getString("address");
        c.lon = (Double) rs.getObject("lon");
        c.lat = (Double) rs.getObject("lat");
        c.divisionCode = rs.getString("division_code");
        c.townCode = rs.getString("town_code");
        c.communityCode = rs.getString("community_code");
        c.gridCode = rs.getString("grid_code");
        c.callerName = rs.getString("caller_name");
        c.callerPhone = rs.getString("caller_phone");
        c.citizenToken = rs.getString("citizen_token");
        c.sourceRef = rs.getString("source_ref");
        c.reportedBy = rs.getString("reported_by");
        c.mainUnit = rs.getString("main_unit");
        c.receivedAt = instant(rs, "received_at");
        c.dispatchedAt = instant(rs, "dispatched_at");
        c.signedAt = instant(rs, "signed_at");
        c.repliedAt = instant(rs, "replied_at");
        c.verifiedAt = instant(rs, "verified_at");
        c.closedAt = instant(rs, "closed_at");
        c.suspendedAt = instant(rs, "suspended_at");
        c.responseDue = instant(rs, "response_due");
        c.responseWarnAt = instant(rs, "response_warn_at");
        c.resolutionDue = instant(rs, "resolution_due");
        c.resolutionWarnAt = instant(rs, "resolution_warn_at");
        c.responseOverdue = rs.getBoolean("response_overdue");
        c.resolutionOverdue = rs.getBoolean("resolution_overdue");
        c.reply = rs.getString("reply");
        c.answer = rs.getString("answer");
        c.solved = (Boolean) rs.getObject("solved");
        c.satisfaction = rs.getString("satisfaction");
        c.ratedAt = instant(rs, "rated_at");
        c.excludedFromRates = rs.getBoolean("excluded_from_rates");
        c.supervisions = rs.getInt("supervisions");
        c.reopenings = rs.getInt("reopenings");
        c.mergedInto = rs.getString("merged_into");
        c.splitFrom = rs.getString("split_from");
        c.duplicateOf = rs.getString("duplicate_of");
        c.version = rs.getInt("version");
        c.updatedAt = instant(rs, "updated_at");
        return c;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
