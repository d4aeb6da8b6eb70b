package org.cityos.catalog.persistence;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.cityos.catalog.ShareCall;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The data API's call log: appended on every call, read by the grant's provider and requester. */
public class CallLogStore {
    private final JdbcClient jdbc;

    public CallLogStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public void append(ShareCall c) {
        jdbc.sql("INSERT INTO catalog_share_call (grant_id, key_prefix, at, rows, status, latency_micros, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.grantId(),
                        c.keyPrefix(),
                        Timestamps.param(c.at()),
                        c.rows(),
                        c.status(),
                        c.latencyMicros(),
                        c.reason())
                .update();
    }

    /** Appends many calls in one statement. */
    public void appendAll(List<ShareCall> calls) {
        if (calls.isEmpty()) {
            return;
        }
        java.sql.Timestamp[] at = new java.sql.Timestamp[calls.size()];
        String[] grants = new String[calls.size()];
        String[] prefixes = new String[calls.size()];
        Integer[] rows = new Integer[calls.size()];
        Integer[] statuses = new Integer[calls.size()];
        Long[] micros = new Long[calls.size()];
        String[] reasons = new String[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            ShareCall c = calls.get(i);
            grants[i] = c.grantId();
            prefixes[i] = c.keyPrefix();
            at[i] = java.sql.Timestamp.from(c.at());
            rows[i] = c.rows();
            statuses[i] = c.status();
            micros[i] = c.latencyMicros();
            reasons[i] = c.reason();
        }
        jdbc.sql("INSERT INTO catalog_share_call (grant_id, key_prefix, at, rows, status, latency_micros, reason)"
                        + " SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::int[], ?::int[],"
                        + " ?::bigint[], ?::text[])")
                .params(grants, prefixes, at, rows, statuses, micros, reasons)
                .update();
    }

    /** The grant's calls, newest first. */
    public List<ShareCall> of(String grantId, int offset, int limit) {
        return jdbc.sql("SELECT * FROM catalog_share_call WHERE grant_id = ? ORDER BY at DESC, id DESC OFFSET ?"
                        + " LIMIT ?")
                .params(grantId, offset, limit)
                .query((rs, n) -> new ShareCall(
                        rs.getString("grant_id"),
                        rs.getString("key_prefix"),
                        Timestamps.read(rs, "at"),
                        rs.getInt("rows"),
                        rs.getInt("status"),
                        rs.getLong("latency_micros"),
                        rs.getString("reason")))
                .list();
    }

    /** Calls served (status 200) since the instant: what the daily quota has used. */
    public long servedSince(String grantId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM catalog_share_call WHERE grant_id = ? AND status = 200 AND at >= ?")
                .params(grantId, Timestamps.param(since))
                .query(Long.class)
                .single();
    }
}
