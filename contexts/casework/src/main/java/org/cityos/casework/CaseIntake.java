package org.cityos.casework;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cityos.casework.CaseCommands.AnswerConsultation;
import org.cityos.casework.CaseCommands.CategoriseCase;
import org.cityos.casework.CaseCommands.DispatchCase;
import org.cityos.casework.CaseCommands.SplitCase;
import org.cityos.casework.internal.CaseFile;
import org.cityos.casework.internal.CaseWork;
import org.cityos.casework.internal.Locator;
import org.cityos.casework.internal.TextRules;
import org.cityos.casework.persistence.CaseRepository;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every channel's way in: a case is checked, located, its category suggested from the text, linked to a likely
 * duplicate (same category, nearby, recently), answered at once if it is a consultation with an answer, and
 * dispatched at once if a dispatch rule says so. The same external id from the same channel yields the same case.
 */
public class CaseIntake {
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Actor SUGGESTER = Actor.system("casework-intake");

    private final CaseWork work;
    private final CaseRepository cases;
    private final Locator locator;
    private final Categories categories;
    private final DispatchRules rules;
    private final CaseDispatch dispatch;
    private final TransactionTemplate transactions;
    private final double duplicateMetres;
    private final Duration duplicateWithin;

    public CaseIntake(
            CaseWork work,
            CaseRepository cases,
            Locator locator,
            Categories categories,
            DispatchRules rules,
            CaseDispatch dispatch,
            TransactionTemplate transactions,
            double duplicateMetres,
            Duration duplicateWithin) {
        this.work = work;
        this.cases = cases;
        this.locator = locator;
        this.categories = categories;
        this.rules = rules;
        this.dispatch = dispatch;
        this.transactions = transactions;
        this.duplicateMetres = duplicateMetres;
        this.duplicateWithin = duplicateWithin;
    }

    public IntakeResult receive(Actor actor, NewCase c) {
        actor.require(Permission.CASE_INTAKE);
        return accept(actor, c);
    }

    /** Public intake (Open311): no permission, but the same checks; the actor is CityOS's public desk. */
    public IntakeResult receivePublic(NewCase c) {
        return accept(Actor.system("open311"), c);
    }

    private IntakeResult accept(Actor actor, NewCase c) {
        check(c);
        String externalId = TextRules.clean(c.externalId());
        if (externalId != null) {
            Optional<CaseRow> known = cases.findByExternal(c.channel().name(), externalId);
            if (known.isPresent()) {
                return result(known.get(), false);
            }
        }
        try {
            return transactions.execute(tx -> create(actor, c, externalId));
        } catch (DuplicateKeyException raced) {
            // Two deliveries of the same external id at once: the one that lost the race answers with the winner.
            return cases.findByExternal(c.channel().name(), externalId)
                    .map(row -> result(row, false))
                    .orElseThrow(() -> raced);
        }
    }

    private IntakeResult create(Actor actor, NewCase c, String externalId) {
        Instant now = work.now();
        CaseRow row = new CaseRow();
        row.id = CaseId.random().value();
        row.number = cases.nextNumber(LocalDate.ofInstant(now, LOCAL).format(DAY));
        row.channel = c.channel().name();
        row.externalId = externalId;
        row.requestType = c.requestType().name();
        row.title = TextRules.clean(c.title());
        row.content = TextRules.clean(c.content());
        row.categoryCode = TextRules.clean(c.categoryCode());
        row.urgency = (c.urgency() == null ? Urgency.ROUTINE : c.urgency()).name();
        row.callerName = TextRules.clean(c.callerName());
        row.callerPhone = TextRules.clean(c.callerPhone());
        row.sourceRef = TextRules.clean(c.sourceRef());
        row.reportedBy = actor.isSystem() ? null : actor.id();
        row.citizenToken = token();
        row.receivedAt = now;
        locator.locate(row, c.address(), c.point());
        if (row.categoryCode == null) {
            // Suggesting is part of taking the case in, whatever the caller may read.
            categories.suggest(SUGGESTER, row.title + " " + row.content, 1).stream()
                    .findFirst()
                    .ifPresent(s -> row.suggestedCategory = s.code());
        }
        CaseFile file = CaseFile.received(row, c.channel().nameZh());
        linkDuplicate(file, now);
        CaseWork.Turn turn = new CaseWork.Turn(file, work.units(actor), now);
        String answer = TextRules.clean(c.answer());
        if (answer != null) {
            answer(file, answer, now);
        } else if (row.categoryCode != null) {
            rules.resolve(row.categoryCode, row.divisionCode)
                    .filter(DispatchRule::automatic)
                    .ifPresent(rule ->
                            dispatch.dispatch(turn, new DispatchCase(rule.unit(), rule.coUnits(), "按派遣规则自动派遣")));
        }
        work.save(file, actor, now);
        return result(row, true);
    }

    /** Answers a consultation directly (咨询直接答复): the case closes without dispatch. */
    public CaseId answer(Actor actor, CaseId id, Integer version, AnswerConsultation command) {
        CaseDispatch.requireText("answer", command.answer(), true);
        return work.run(actor, Permission.CASE_DISPATCH, id, version, (a, turn) -> {
            turn.file().require(CaseAction.ANSWERED, CaseStatus.RECEIVED);
            answer(turn.file(), TextRules.clean(command.answer()), turn.now());
        });
    }

    /** The operator confirms (or corrects) the category and urgency; then the dispatch rules apply if automatic. */
    public CaseId categorise(Actor actor, CaseId id, Integer version, CategoriseCase command) {
        if (command.categoryCode() == null || !categories.usable(command.categoryCode())) {
            throw new CaseProblems.UnknownCategory(String.valueOf(command.categoryCode()));
        }
        CaseDispatch.requireText("note", command.note(), false);
        return work.run(actor, Permission.CASE_DISPATCH, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            CaseRow row = file.row();
            file.require(CaseAction.CATEGORISED, CaseStatus.RECEIVED, CaseStatus.DISPATCHED);
            row.categoryCode = command.categoryCode();
            if (command.urgency() != null) {
                row.urgency = command.urgency().name();
            }
            file.stay(CaseAction.CATEGORISED, null, null, TextRules.clean(command.note()), row.categoryCode);
            if (file.status() == CaseStatus.RECEIVED) {
                rules.resolve(row.categoryCode, row.divisionCode)
                        .filter(DispatchRule::automatic)
                        .ifPresent(rule ->
                                dispatch.dispatch(turn, new DispatchCase(rule.unit(), rule.coUnits(), "按派遣规则自动派遣")));
            }
        });
    }

    /** Splits a request about several problems: each further part becomes a new case linked to this one. */
    public List<IntakeResult> split(Actor actor, CaseId id, Integer version, SplitCase command) {
        if (command.parts() == null
                || command.parts().isEmpty()
                || command.parts().size() > 10) {
            throw InvalidInput.of("parts", "validation.range", 1, 10);
        }
        List<FieldIssue> issues = new ArrayList<>();
        for (int i = 0; i < command.parts().size(); i++) {
            SplitCase.Part p = command.parts().get(i);
            TextRules.check(issues, "parts[" + i + "].title", p.title(), true, 200);
            TextRules.check(issues, "parts[" + i + "].content", p.content(), true, 4000);
            if (p.categoryCode() != null && !categories.usable(p.categoryCode())) {
                issues.add(new FieldIssue("parts[" + i + "].categoryCode", "problem.case-unknown-category"));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        List<IntakeResult> created = new ArrayList<>();
        work.run(actor, Permission.CASE_DISPATCH, id, version, (a, turn) -> {
            CaseFile original = turn.file();
            CaseRow o = original.row();
            original.require(CaseAction.SPLIT, CaseStatus.RECEIVED, CaseStatus.DISPATCHED);
            List<String> numbers = new ArrayList<>();
            for (SplitCase.Part p : command.parts()) {
                CaseRow row = new CaseRow();
                row.id = CaseId.random().value();
                row.number =
                        cases.nextNumber(LocalDate.ofInstant(turn.now(), LOCAL).format(DAY));
                row.channel = o.channel;
                row.requestType = o.requestType;
                row.title = TextRules.clean(p.title());
                row.content = TextRules.clean(p.content());
                row.categoryCode = p.categoryCode();
                row.urgency = o.urgency;
                copyPlace(o, row);
                row.callerName = o.callerName;
                row.callerPhone = o.callerPhone;
                row.reportedBy = o.reportedBy;
                row.citizenToken = token();
                row.splitFrom = o.id;
                row.receivedAt = turn.now();
                CaseFile part = CaseFile.received(row, "拆分自 " + o.number);
                work.save(part, a, turn.now());
                numbers.add(row.number);
                created.add(result(row, true));
            }
            original.stay(CaseAction.SPLIT, null, null, TextRules.clean(command.note()), String.join(",", numbers));
        });
        return created;
    }

    private void answer(CaseFile file, String answer, Instant now) {
        CaseRow row = file.row();
        if (!RequestType.CONSULTATION.name().equals(row.requestType)) {
            throw new CaseProblems.NotAConsultation();
        }
        row.answer = answer;
        row.closedAt = now;
        file.move(CaseAction.ANSWERED, CaseStatus.CLOSED, null, null, answer, null);
    }

    private void linkDuplicate(CaseFile file, Instant now) {
        CaseRow row = file.row();
        if (row.categoryCode == null || row.lon == null) {
            return;
        }
        double degrees = duplicateMetres / 111_000.0 * 1.5;
        GeoPoint here = GeoPoint.of(row.lon, row.lat);
        cases.openNear(row.categoryCode, row.lon, row.lat, degrees, now.minus(duplicateWithin)).stream()
                .filter(other -> here.distanceTo(GeoPoint.of(other.lon, other.lat)) <= duplicateMetres)
                .findFirst()
                .ifPresent(other -> {
                    row.duplicateOf = other.duplicateOf != null ? other.duplicateOf : other.id;
                    file.stay(CaseAction.DUPLICATE_LINKED, null, null, other.number, row.duplicateOf);
                });
    }

    private static void copyPlace(CaseRow from, CaseRow to) {
        to.address = from.address;
        to.lon = from.lon;
        to.lat = from.lat;
        to.divisionCode = from.divisionCode;
        to.townCode = from.townCode;
        to.communityCode = from.communityCode;
        to.gridCode = from.gridCode;
    }

    private void check(NewCase c) {
        List<FieldIssue> issues = new ArrayList<>();
        if (c.channel() == null) {
            issues.add(new FieldIssue("channel", "validation.required"));
        }
        if (c.requestType() == null) {
            issues.add(new FieldIssue("requestType", "validation.required"));
        }
        TextRules.check(issues, "title", c.title(), true, 200);
        TextRules.check(issues, "content", c.content(), true, 4000);
        TextRules.check(issues, "address", c.address(), false, 200);
        TextRules.check(issues, "callerName", c.callerName(), false, 50);
        TextRules.check(issues, "answer", c.answer(), false, 4000);
        TextRules.check(issues, "externalId", c.externalId(), false, 100);
        TextRules.check(issues, "sourceRef", c.sourceRef(), false, 100);
        if (c.callerPhone() != null
                && !c.callerPhone().isBlank()
                && !c.callerPhone().strip().matches("[0-9+\\- ]{3,20}")) {
            issues.add(new FieldIssue("callerPhone", "validation.pattern"));
        }
        if (c.categoryCode() != null
                && !c.categoryCode().isBlank()
                && !categories.usable(c.categoryCode().strip())) {
            issues.add(new FieldIssue("categoryCode", "problem.case-unknown-category", c.categoryCode()));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }

    private static IntakeResult result(CaseRow row, boolean created) {
        return new IntakeResult(
                new CaseId(row.id),
                row.number,
                row.citizenToken,
                created,
                CaseStatus.valueOf(row.status),
                row.duplicateOf);
    }

    private static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
