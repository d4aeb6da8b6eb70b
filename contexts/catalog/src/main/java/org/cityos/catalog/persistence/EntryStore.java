package org.cityos.catalog.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Entries and their versions. A change writes a new version row and moves the current row forward only if it
 * is still at the version the writer read ({@code WHERE version = ?}), so two stewards never overwrite each
 * other silently; version rows are only ever inserted.
 */
public class EntryStore {
    private final JdbcClient jdbc;

    public EntryStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The searchable columns of a new or changed current row. */
    public record Current(
            String code,
            int version,
            String status,
            int resourceClass,
            String name,
            String providerDepartment,
            String sharingType,
            String openType,
            String searchText,
            Instant changedAt) {}

    public boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM catalog_entry WHERE code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(Current c) {
        jdbc.sql("INSERT INTO catalog_entry (code, version, status, resource_class, name, provider_department,"
                        + " sharing_type, open_type, search_text, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.code(),
                        c.version(),
                        c.status(),
                        c.resourceClass(),
                        c.name(),
                        c.providerDepartment(),
                        c.sharingType(),
                        c.openType(),
                        c.searchText(),
                        Timestamps.param(c.changedAt()))
                .update();
    }

    /** Moves the entry to {@code c.version()}; false when it is no longer at {@code expectedVersion}. */
    public boolean advance(Current c, int expectedVersion) {
        return jdbc.sql("UPDATE catalog_entry SET version = ?, status = ?, name = ?, provider_department = ?,"
                                + " sharing_type = ?, open_type = ?, search_text = ?, changed_at = ?"
                                + " WHERE code = ? AND version = ?")
                        .params(
                                c.version(),
                                c.status(),
                                c.name(),
                                c.providerDepartment(),
                                c.sharingType(),
                                c.openType(),
                                c.searchText(),
                                Timestamps.param(c.changedAt()),
                                c.code(),
                                expectedVersion)
                        .update()
                == 1;
    }

    public void insertVersion(StoredVersion v) {
        jdbc.sql("INSERT INTO catalog_entry_version (code, version, content, changed_by, changed_at, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(v.code(), v.version(), v.content(), v.changedBy(), Timestamps.param(v.changedAt()), v.reason())
                .update();
    }

    /** The current version of an entry. */
    public Optional<StoredVersion> current(String code) {
        return jdbc.sql("SELECT v.* FROM catalog_entry e JOIN catalog_entry_version v"
                        + " ON v.code = e.code AND v.version = e.version WHERE e.code = ?")
                .param(code)
                .query(EntryStore::version)
                .optional();
    }

    /** Every version of an entry, oldest first. */
    public List<StoredVersion> history(String code) {
        return jdbc.sql("SELECT * FROM catalog_entry_version WHERE code = ? ORDER BY version")
                .param(code)
                .query(EntryStore::version)
                .list();
    }

    /** Current versions matching the filter, by code, from {@code offset}. */
    public List<StoredVersion> search(EntryFilter f, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        params.add(offset);
        params.add(limit);
        return jdbc.sql("SELECT v.* FROM catalog_entry e JOIN catalog_entry_version v"
                        + " ON v.code = e.code AND v.version = e.version" + where
                        + " ORDER BY e.code OFFSET ? LIMIT ?")
                .params(params)
                .query(EntryStore::version)
                .list();
    }

    public long count(EntryFilter f) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        return jdbc.sql("SELECT count(*) FROM catalog_entry e" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(EntryFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        for (String word : f.words()) {
            // strpos, not LIKE: the word is data, and % or _ in it must mean themselves.
            sql.append(" AND strpos(e.search_text, ?) > 0");
            params.add(word.toLowerCase(java.util.Locale.ROOT));
        }
        if (f.department() != null) {
            sql.append(" AND e.provider_department = ?");
            params.add(f.department());
        }
        if (f.sharingType() != null) {
            sql.append(" AND e.sharing_type = ?");
            params.add(f.sharingType());
        }
        if (f.openType() != null) {
            sql.append(" AND e.open_type = ?");
            params.add(f.openType());
        }
        if (f.resourceClass() != null) {
            sql.append(" AND e.resource_class = ?");
            params.add(f.resourceClass());
        }
        if (!f.includeRetired()) {
            sql.append(" AND e.status = 'ACTIVE'");
        }
        return sql.toString();
    }

    private static StoredVersion version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredVersion(
                rs.getString("code"),
                rs.getInt("version"),
                rs.getString("content"),
                rs.getString("changed_by"),
                Timestamps.read(rs, "changed_at"),
                rs.getString("reason"));
    }
}
