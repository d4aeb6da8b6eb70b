package org.cityos.casework.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cityos.casework.CalendarDay;
import org.cityos.casework.DayKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The working calendar's exceptions in {@code casework_calendar_day}. */
@Repository
public class CalendarDayRepository {
    private static final String COLUMNS = "day, kind, name";
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CalendarDayRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<CalendarDay> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_calendar_day ORDER BY day")
                .query(CalendarDayRepository::day)
                .list();
    }

    public List<CalendarDay> year(int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_calendar_day WHERE day >= ? AND day < ? ORDER BY day")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .query(CalendarDayRepository::day)
                .list();
    }

    public Optional<CalendarDay> find(LocalDate date) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_calendar_day WHERE day = ?")
                .params(Date.valueOf(date))
                .query(CalendarDayRepository::day)
                .optional();
    }

    public void put(CalendarDay day, String by, Instant now) {
        jdbc.sql("INSERT INTO casework_calendar_day (day, kind, name, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
                        + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .params(Date.valueOf(day.date()), day.kind().name(), day.name(), by, Timestamp.from(now))
                .update();
    }

    /** False when there was no such day. */
    public boolean delete(LocalDate date) {
        return jdbc.sql("DELETE FROM casework_calendar_day WHERE day = ?")
                        .params(Date.valueOf(date))
                        .update()
                == 1;
    }

    /** Replaces every day of {@code year} with {@code days}, in the caller's transaction. */
    public void replaceYear(int year, List<CalendarDay> days, String by, Instant now) {
        jdbc.sql("DELETE FROM casework_calendar_day WHERE day >= ? AND day < ?")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .update();
        Timestamp at = Timestamp.from(now);
        template.batchUpdate(
                "INSERT INTO casework_calendar_day (day, kind, name, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)",
                days.stream()
                        .map(d -> new Object[] {Date.valueOf(d.date()), d.kind().name(), d.name(), by, at})
                        .toList());
    }

    /**
     * A digest of the whole table's content. Exact where {@code max(updated_at)} would miss deletions, and cheap:
     * the table holds a few dozen rows a year.
     */
    public String fingerprint() {
        return jdbc.sql("SELECT md5(coalesce(string_agg(day || ':' || kind || ':' || name, ',' ORDER BY day), ''))"
                        + " FROM casework_calendar_day")
                .query(String.class)
                .single();
    }

    private static CalendarDay day(ResultSet rs, int row) throws SQLException {
        return new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)), rs.getString(3));
    }
}
