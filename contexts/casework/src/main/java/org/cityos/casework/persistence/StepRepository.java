package org.cityos.casework.persistence;

import static org.cityos.casework.persistence.CaseRepository.instant;
import static org.cityos.casework.persistence.CaseRepository.ts;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline of each case; steps are only ever appended. */
@Repository
public class StepRepository {
    private final JdbcClient jdbc;

    public StepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the step after the case's last one, in one statement; returns the sequence number it got. */
    public int appendNext(StepRow s) {
        return jdbc.sql("INSERT INTO casework_step (case_id, seq, action, from_status, to_status, unit, to_unit, by_id,"
                        + " by_name, note, data, at) SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " FROM casework_step WHERE case_id = ? RETURNING seq")
                .params(
                        s.caseId(),
                        s.action(),
                        s.fromStatus(),
                        s.toStatus(),
                        s.unit(),
                        s.toUnit(),
                        s.byId(),
                        s.byName(),
                        s.note(),
                        s.data(),
                        ts(s.at()),
                        s.caseId())
                .query(Integer.class)
                .single();
    }

    public List<StepRow> of(String caseId) {
        return jdbc.sql("SELECT case_id, seq, action, from_status, to_status, unit, to_unit, by_id, by_name, note,"
                        + " data, at FROM casework_step WHERE case_id = ? ORDER BY seq")
                .param(caseId)
                .query((rs, n) -> new StepRow(
                        rs.getString("case_id"),
                        rs.getInt("seq"),
                        rs.getString("action"),
                        rs.getString("from_status"),
                        rs.getString("to_status"),
                        rs.getString("unit"),
                        rs.getString("to_unit"),
                        rs.getString("by_id"),
                        rs.getString("by_name"),
                        rs.getString("note"),
                        rs.getString("data"),
                        instant(rs, "at")))
                .list();
    }
}
