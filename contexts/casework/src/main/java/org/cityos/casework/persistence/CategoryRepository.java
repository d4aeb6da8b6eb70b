package org.cityos.casework.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The category tree in {@code casework_category}, and the labelled case texts the suggestion model learns from. */
@Repository
public class CategoryRepository {
    private static final String COLUMNS = "code, parent_code, kind, name, name_en, active, version";

    private final JdbcClient jdbc;

    public CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored category; {@code kind} is the enum's name. */
    public record CategoryRow(
            String code, String parentCode, String kind, String name, String nameEn, boolean active, int version) {}

    /** A past case's text and the category it was filed under. */
    public record LabelledText(String categoryCode, String text) {}

    public List<CategoryRow> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_category ORDER BY code")
                .query((rs, i) -> new CategoryRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getInt(7)))
                .list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM casework_category)")
                .query(Boolean.class)
                .single();
    }

    /** Inserts unless the code exists (two nodes seeding at once both succeed); true when this call inserted. */
    public boolean insert(CategoryRow row, Instant now) {
        return jdbc.sql(
                                "INSERT INTO casework_category (code, parent_code, kind, name, name_en, active, version,"
                                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (code) DO NOTHING")
                        .params(
                                row.code(),
                                row.parentCode(),
                                row.kind(),
                                row.name(),
                                row.nameEn(),
                                row.active(),
                                Timestamp.from(now),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Renames; false when the category is no longer at {@code expectedVersion} (or does not exist). */
    public boolean rename(String code, String name, String nameEn, int expectedVersion, Instant now) {
        return jdbc.sql("UPDATE casework_category SET name = ?, name_en = ?, version = version + 1, updated_at = ?"
                                + " WHERE code = ? AND version = ?")
                        .params(name, nameEn, Timestamp.from(now), code, expectedVersion)
                        .update()
                == 1;
    }

    /** Sets names and state as an import says, whatever the version. */
    public void overwrite(String code, String name, String nameEn, boolean active, Instant now) {
        jdbc.sql("UPDATE casework_category SET name = ?, name_en = ?, active = ?, version = version + 1,"
                        + " updated_at = ? WHERE code = ?")
                .params(name, nameEn, active, Timestamp.from(now), code)
                .update();
    }

    /** Switches the categories off; those already off keep their version. Returns how many changed. */
    public int deactivate(Collection<String> codes, Instant now) {
        if (codes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE casework_category SET active = false, version = version + 1, updated_at = ?"
                        + " WHERE active AND code = ANY (?)")
                .params(Timestamp.from(now), codes.toArray(String[]::new))
                .update();
    }

    /** The texts of the most recent {@code limit} cases that have a category, newest first. */
    public List<LabelledText> labelledCases(int limit) {
        return jdbc.sql("SELECT category_code, title, content FROM casework_case WHERE category_code IS NOT NULL"
                        + " ORDER BY received_at DESC LIMIT ?")
                .param(limit)
                .query((rs, i) -> new LabelledText(rs.getString(1), rs.getString(2) + "\n" + rs.getString(3)))
                .list();
    }
}
