package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.casework.CaseBench.OPERATOR;
import static org.cityos.casework.CaseBench.WORKER;
import static org.cityos.casework.CaseBench.unit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.cityos.casework.CaseCommands.AnswerConsultation;
import org.cityos.casework.CaseCommands.SplitCase;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Intake from the channels: idempotent by external id, likely duplicates linked, consultations answered at once,
 * automatic dispatch by the rule table, splitting, and the bad input that must be refused before anything is stored.
 */
class CaseIntakeIT {
    static CaseBench bench;

    @BeforeAll
    static void start() {
        bench = new CaseBench();
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @Test
    void theSameTicketTwiceIsTheSameCase() {
        IntakeResult first = bench.receive(CaseBench.hotline("T-2001"));
        IntakeResult again = bench.receive(CaseBench.hotline("T-2001"));
        assertThat(again.created()).isFalse();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.number()).isEqualTo(first.number());
        assertThat(first.number()).startsWith("20261124");
        assertThat(bench.cases
                        .search(
                                OPERATOR,
                                new CaseFilter(List.of(), null, null, null, null, null, "T-2001", null, null),
                                PageRequest.of(0, 10))
                        .items())
                .as("found by the call centre's ticket")
                .extracting(Case::id)
                .containsExactly(first.id());
        assertThat(bench.jdbc
                        .sql("SELECT count(*) FROM casework_case WHERE external_id = 'T-2001'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRequestAboutTheSamePlaceAndCategorySoonAfterIsLinkedAsALikelyDuplicate() {
        GeoPoint here = GeoPoint.of(116.21, 39.81);
        IntakeResult first = bench.receive(CaseBench.hotline("T-2002", here));
        IntakeResult near = bench.receive(CaseBench.hotline("T-2003", GeoPoint.of(116.2110, 39.8105)));
        IntakeResult far = bench.receive(CaseBench.hotline("T-2004", GeoPoint.of(116.25, 39.81)));
        assertThat(near.duplicateOf()).isEqualTo(first.id().value());
        assertThat(far.duplicateOf()).isNull();
        assertThat(bench.actions(near.id())).containsExactly("RECEIVED", "DUPLICATE_LINKED");
        bench.pass(Duration.ofDays(4));
        IntakeResult later = bench.receive(CaseBench.hotline("T-2005", here));
        assertThat(later.duplicateOf()).as("older than the 72 h window").isNull();
    }

    @Test
    void aConsultationIsAnsweredAtIntakeAndClosesWithoutDispatch() {
        NewCase question = new NewCase(
                Channel.HOTLINE,
                "T-2010",
                RequestType.CONSULTATION,
                "供暖时间咨询",
                "今年供暖什么时候开始？",
                null,
                Urgency.ROUTINE,
                null,
                null,
                "李四",
                "13900001111",
                null,
                "本区供暖自11月15日起，至次年3月15日。");
        IntakeResult result = bench.receive(question);
        assertThat(result.status()).isEqualTo(CaseStatus.CLOSED);
        Case c = bench.get(result.id());
        assertThat(c.answer()).startsWith("本区供暖");
        assertThat(c.assignments()).isEmpty();
        assertThat(bench.actions(result.id())).containsExactly("RECEIVED", "ANSWERED");

        IntakeResult complaint = bench.receive(CaseBench.hotline("T-2011"));
        assertThatThrownBy(() -> bench.intake.answer(OPERATOR, complaint.id(), null, new AnswerConsultation("答复")))
                .isInstanceOf(CaseProblems.NotAConsultation.class);
    }

    @Test
    void aDispatchRuleDispatchesAtIntakeTheMostSpecificRuleWinning() {
        bench.rules.create(OPERATOR, new DispatchRule(0, "E04", "", unit("dept:urban-management"), List.of(), true, 0));
        bench.rules.create(
                OPERATOR,
                new DispatchRule(
                        0,
                        "E0405",
                        CaseBench.WEST_TOWN.substring(0, 9),
                        unit("town:" + CaseBench.WEST_TOWN),
                        List.of(unit("dept:water-affairs")),
                        true,
                        0));
        NewCase west = new NewCase(
                Channel.HOTLINE,
                "T-2020",
                RequestType.REPORT,
                "路面积水",
                "路口积水很深",
                "E0405",
                Urgency.URGENT,
                null,
                GeoPoint.of(116.11, 39.61),
                null,
                null,
                null,
                null);
        NewCase east = new NewCase(
                Channel.HOTLINE,
                "T-2021",
                RequestType.REPORT,
                "路面积水",
                "路口积水很深",
                "E0405",
                Urgency.URGENT,
                null,
                CaseBench.EAST_POINT,
                null,
                null,
                null,
                null);
        Case w = bench.get(bench.receive(west).id());
        Case e = bench.get(bench.receive(east).id());
        assertThat(w.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(w.mainUnit()).isEqualTo("town:" + CaseBench.WEST_TOWN);
        assertThat(w.assignments())
                .extracting(a -> a.unit().toString())
                .containsExactly("town:" + CaseBench.WEST_TOWN, "dept:water-affairs");
        assertThat(e.mainUnit()).as("the district fallback for the category").isEqualTo("dept:urban-management");
    }

    @Test
    void aGridWorkersReportIsTheirsToSeeAndSplitsIntoLinkedCases() {
        IntakeResult report = bench.intake.receive(
                WORKER,
                new NewCase(
                        Channel.GRID,
                        "G-1",
                        RequestType.INCIDENT,
                        "占道经营和垃圾堆放",
                        "路口有占道经营，旁边还有垃圾堆放",
                        "0301",
                        Urgency.ROUTINE,
                        null,
                        GeoPoint.of(116.12, 39.62),
                        null,
                        null,
                        null,
                        null));
        assertThat(bench.cases.get(WORKER, report.id()).channel()).isEqualTo(Channel.GRID);
        List<IntakeResult> parts = bench.intake.split(
                OPERATOR,
                report.id(),
                null,
                new SplitCase(List.of(new SplitCase.Part("垃圾堆放", "路口旁垃圾堆放", "0302")), "一事一案"));
        assertThat(parts).hasSize(1);
        Case part = bench.get(parts.get(0).id());
        assertThat(part.links().splitFrom()).isEqualTo(report.id().value());
        assertThat(part.place().grid()).isEqualTo(bench.get(report.id()).place().grid());
        assertThat(bench.get(report.id()).steps()).last().satisfies(s -> {
            assertThat(s.action()).isEqualTo(CaseAction.SPLIT);
        });
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        long before = count();
        assertThatThrownBy(() -> bench.receive(new NewCase(
                        Channel.HOTLINE,
                        "T-2030",
                        RequestType.HELP,
                        "<script>alert(1)</script>",
                        "正文",
                        null,
                        Urgency.ROUTINE,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fieldIssues())
                        .extracting(i -> i.field())
                        .contains("title"));
        assertThatThrownBy(() -> bench.receive(new NewCase(
                        Channel.HOTLINE,
                        "T-2031",
                        RequestType.HELP,
                        "标题",
                        "点击 <a href=x onclick=steal()>这里</a>",
                        null,
                        Urgency.ROUTINE,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> bench.receive(CaseBench.hotline("T-2032", GeoPoint.of(121.47, 31.23))))
                .isInstanceOf(CaseProblems.OutsideDistrict.class);
        assertThatThrownBy(() -> bench.receive(new NewCase(
                        Channel.HOTLINE,
                        "T-2033",
                        RequestType.HELP,
                        "标题",
                        "正文",
                        "9999",
                        Urgency.ROUTINE,
                        null,
                        null,
                        null,
                        "not-a-phone",
                        null,
                        null)))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fieldIssues())
                        .extracting(i -> i.field())
                        .contains("callerPhone"));
        Actor noIntake = CaseBench.actor("leader2", Set.of(Role.LEADER), List.of("110115000000"), Set.of());
        assertThatThrownBy(() -> bench.intake.receive(noIntake, CaseBench.hotline("T-2034")))
                .isInstanceOf(AccessDenied.class);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theCallersNumberIsMaskedAndUnmaskedOnlyForTheCallbackAudited() {
        IntakeResult r = bench.receive(CaseBench.hotline("T-2040"));
        assertThat(bench.cases.get(OPERATOR, r.id()).caller().phone()).isEqualTo("138****5678");
        Case.Caller caller = bench.cases.caller(OPERATOR, r.id());
        assertThat(caller.phone()).isEqualTo("13812345678");
        assertThat(caller.masked()).isFalse();
        assertThat(bench.audits(r.id())).contains("casework.case.unmask by operator");
        assertThatThrownBy(() -> bench.cases.caller(CaseBench.WEST, r.id())).isInstanceOf(AccessDenied.class);
    }

    private long count() {
        return bench.jdbc
                .sql("SELECT count(*) FROM casework_case")
                .query(Long.class)
                .single();
    }
}
