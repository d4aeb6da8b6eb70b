package org.cityos.casework.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dispatch rule table; small enough to read whole and match in memory. */
@Repository
public class DispatchRuleRepository {
    public record RuleRow(
            long id,
            String categoryPrefix,
            String divisionPrefix,
            String unit,
            String coUnits,
            boolean automatic,
            int version) {}

    private final JdbcClient jdbc;

    public DispatchRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RuleRow> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_dispatch_rule ORDER BY category_prefix, division_prefix")
                .query(DispatchRuleRepository::row)
                .list();
    }

    /** The rule for a category in a division: longest category prefix first, then longest division prefix. */
    public Optional<RuleRow> best(String categoryCode, String divisionCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_dispatch_rule"
                        + " WHERE starts_with(?, category_prefix) AND starts_with(?, division_prefix)"
                        + " ORDER BY length(category_prefix) DESC, length(division_prefix) DESC, id LIMIT 1")
                .params(categoryCode, divisionCode)
                .query(DispatchRuleRepository::row)
                .optional();
    }

    private static final String COLUMNS = "id, category_prefix, division_prefix, unit, co_units, automatic, version";

    private static RuleRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new RuleRow(
                rs.getLong("id"),
                rs.getString("category_prefix"),
                rs.getString("division_prefix"),
                rs.getString("unit"),
                rs.getString("co_units"),
                rs.getBoolean("automatic"),
                rs.getInt("version"));
    }

    public Optional<RuleRow> find(long id) {
        return all().stream().filter(r -> r.id() == id).findFirst();
    }

    public long insert(String category, String division, String unit, String coUnits, boolean automatic) {
        return jdbc.sql("INSERT INTO casework_dispatch_rule (category_prefix, division_prefix, unit, co_units,"
                        + " automatic) VALUES (?, ?, ?, ?, ?) ON CONFLICT (category_prefix, division_prefix) DO NOTHING"
                        + " RETURNING id")
                .params(category, division, unit, coUnits, automatic)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    public boolean update(long id, String unit, String coUnits, boolean automatic, int version) {
        return jdbc.sql("UPDATE casework_dispatch_rule SET unit = ?, co_units = ?, automatic = ?, version = version + 1"
                                + " WHERE id = ? AND version = ?")
                        .params(unit, coUnits, automatic, id, version)
                        .update()
                == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM casework_dispatch_rule WHERE id = ?")
                        .param(id)
                        .update()
                == 1;
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM casework_dispatch_rule")
                .query(Integer.class)
                .single();
    }
}
