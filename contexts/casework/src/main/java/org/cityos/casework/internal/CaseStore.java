package org.cityos.casework.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.CaseAction;
import org.cityos.casework.CaseFacts;
import org.cityos.casework.CaseId;
import org.cityos.casework.CaseStatus;
import org.cityos.casework.CaseStep;
import org.cityos.casework.CaseStepTaken;
import org.cityos.casework.Channel;
import org.cityos.casework.RequestType;
import org.cityos.casework.Urgency;
import org.cityos.casework.persistence.AssignmentRepository;
import org.cityos.casework.persistence.AssignmentRow;
import org.cityos.casework.persistence.CaseRepository;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.casework.persistence.StepRepository;
import org.cityos.casework.persistence.StepRow;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.ConcurrentChange;

/**
 * Saves a case file in the caller's transaction: the row under the version it was read with (a lost race is a 409),
 * changed assignments, and for every noted step a timeline row, an audit record and a {@code CaseStepTaken} event.
 */
public final class CaseStore {
    private final CaseRepository cases;
    private final AssignmentRepository assignments;
    private final StepRepository steps;
    private final AuditTrail audit;
    private final EventBus events;

    public CaseStore(
            CaseRepository cases,
            AssignmentRepository assignments,
            StepRepository steps,
            AuditTrail audit,
            EventBus events) {
        this.cases = cases;
        this.assignments = assignments;
        this.steps = steps;
        this.audit = audit;
        this.events = events;
    }

    public void save(CaseFile file, Actor actor, Instant now) {
        CaseRow row = file.row();
        row.updatedAt = now;
        if (file.fresh()) {
            cases.insert(row);
        } else if (!cases.update(row)) {
            throw new ConcurrentChange("case", row.id);
        }
        for (AssignmentRow a : file.assignments()) {
            if (a.id == 0) {
                assignments.insert(a);
            } else if (a.dirty) {
                assignments.update(a);
            }
        }
        for (CaseFile.Step s : file.steps()) {
            StepRow unnumbered = new StepRow(
                    row.id,
                    0,
                    s.action().name(),
                    s.from() == null ? null : s.from().name(),
                    s.to().name(),
                    s.unit(),
                    s.toUnit(),
                    actor.id(),
                    actor.name(),
                    s.note(),
                    s.data(),
                    now);
            StepRow stored = unnumbered.numbered(steps.appendNext(unnumbered));
            audit.record(
                    actor,
                    "casework.case." + s.action().name().toLowerCase().replace('_', '-'),
                    "casework.case",
                    row.id,
                    division(row),
                    details(row, s));
            events.publish(new CaseStepTaken(facts(row), step(stored)));
        }
        file.steps().clear();
    }

    public static CaseFacts facts(CaseRow row) {
        return new CaseFacts(
                new CaseId(row.id),
                row.number,
                Channel.valueOf(row.channel),
                RequestType.valueOf(row.requestType),
                row.categoryCode,
                Urgency.valueOf(row.urgency),
                CaseStatus.valueOf(row.status),
                row.divisionCode,
                row.mainUnit,
                row.lon == null ? null : GeoPoint.of(row.lon, row.lat),
                row.title,
                row.receivedAt,
                row.responseDue,
                row.resolutionDue);
    }

    public static CaseStep step(StepRow s) {
        return new CaseStep(
                s.seq(),
                CaseAction.valueOf(s.action()),
                s.fromStatus() == null ? null : CaseStatus.valueOf(s.fromStatus()),
                CaseStatus.valueOf(s.toStatus()),
                s.unit(),
                s.toUnit(),
                s.byId(),
                s.byName(),
                s.note(),
                s.at());
    }

    private static DivisionCode division(CaseRow row) {
        return row.divisionCode == null ? null : DivisionCode.of(row.divisionCode);
    }

    private static Map<String, Object> details(CaseRow row, CaseFile.Step s) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", row.number);
        details.put("to", s.to().name());
        if (s.unit() != null) {
            details.put("unit", s.unit());
        }
        if (s.toUnit() != null) {
            details.put("toUnit", s.toUnit());
        }
        if (s.note() != null) {
            details.put("note", s.note());
        }
        return details;
    }
}
