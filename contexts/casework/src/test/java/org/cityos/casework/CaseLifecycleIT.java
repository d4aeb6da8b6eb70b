package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cityos.casework.CaseBench.COMMUNITY;
import static org.cityos.casework.CaseBench.EAST;
import static org.cityos.casework.CaseBench.OPERATOR;
import static org.cityos.casework.CaseBench.URBAN;
import static org.cityos.casework.CaseBench.WATER;
import static org.cityos.casework.CaseBench.WEST;
import static org.cityos.casework.CaseBench.WEST_COMMUNITY;
import static org.cityos.casework.CaseBench.WEST_TOWN;
import static org.cityos.casework.CaseBench.unit;

import java.time.Duration;
import java.util.List;
import org.cityos.casework.CaseCommands.AddCoHandlers;
import org.cityos.casework.CaseCommands.CloseCase;
import org.cityos.casework.CaseCommands.DispatchCase;
import org.cityos.casework.CaseCommands.PassCaseDown;
import org.cityos.casework.CaseCommands.ReopenCase;
import org.cityos.casework.CaseCommands.ReplyToCase;
import org.cityos.casework.CaseCommands.ReturnCase;
import org.cityos.casework.CaseCommands.SignCase;
import org.cityos.casework.CaseCommands.StartHandling;
import org.cityos.casework.CaseCommands.VerifyCase;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hotline case walked through every step of the loop and down the levels: dispatch to a town, pass down to a
 * community, returned to the town, handled by the town, replied, verified by a follow-up call, closed, reopened —
 * with each step on the timeline, audited and published; and the transitions that must be refused, refused.
 */
class CaseLifecycleIT {
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
    void aCaseTravelsDownTheLevelsBackUpAndThroughTheWholeLoop() {
        IntakeResult received = bench.receive(CaseBench.hotline("T-1001"));
        CaseId id = received.id();
        assertThat(received.created()).isTrue();
        assertThat(received.status()).isEqualTo(CaseStatus.RECEIVED);
        Case c = bench.get(id);
        assertThat(c.place().town()).isEqualTo(WEST_TOWN);
        assertThat(c.place().grid()).isEqualTo(CaseBench.WEST_GRID);
        assertThat(c.caller().phone()).isEqualTo("138****5678");
        assertThat(c.caller().name()).isEqualTo("张**");

        bench.dispatch.dispatch(
                OPERATOR, id, c.version(), new DispatchCase(unit("town:" + WEST_TOWN), List.of(), "请处理"));
        c = bench.get(id);
        assertThat(c.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(c.deadlines().responseDue()).isAfter(bench.clock.instant());
        assertThat(c.times().dispatchedAt()).isEqualTo(bench.clock.instant());

        bench.pass(Duration.ofMinutes(10));
        bench.dispatch.sign(WEST, id, null, new SignCase("已签收"));
        assertThat(bench.get(id).status()).isEqualTo(CaseStatus.SIGNED);
        assertThat(bench.get(id).times().signedAt()).isEqualTo(bench.clock.instant());

        bench.dispatch.passDown(WEST, id, null, new PassCaseDown(unit("community:" + WEST_COMMUNITY), "请社区核实处理"));
        assertThat(bench.get(id).mainUnit()).isEqualTo("community:" + WEST_COMMUNITY);
        bench.dispatch.sign(COMMUNITY, id, null, new SignCase(null));
        bench.dispatch.returnCase(COMMUNITY, id, null, new ReturnCase("井盖属市政道路，不在社区职责范围"));
        c = bench.get(id);
        assertThat(c.mainUnit()).isEqualTo("town:" + WEST_TOWN);
        assertThat(c.status()).isEqualTo(CaseStatus.SIGNED);

        bench.handling.start(WEST, id, null, new StartHandling("已联系养护单位"));
        bench.handling.reply(WEST, id, null, new ReplyToCase("井盖已更换，现场已恢复。"));
        assertThat(bench.get(id).status()).isEqualTo(CaseStatus.REPLIED);

        bench.verification.verify(
                OPERATOR, id, null, new VerifyCase(true, true, Satisfaction.SATISFIED, null, "回访市民，表示满意"));
        bench.verification.close(OPERATOR, id, null, new CloseCase(null));
        c = bench.get(id);
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.followUp().solved()).isTrue();
        assertThat(c.followUp().satisfaction()).isEqualTo(Satisfaction.SATISFIED);

        bench.verification.reopen(OPERATOR, id, null, new ReopenCase("市民反映井盖再次松动"));
        c = bench.get(id);
        assertThat(c.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(c.mainUnit()).isEqualTo("town:" + WEST_TOWN);
        assertThat(c.reopenings()).isEqualTo(1);

        assertThat(bench.actions(id))
                .containsExactly(
                        "RECEIVED",
                        "DISPATCHED",
                        "SIGNED",
                        "PASSED_DOWN",
                        "SIGNED",
                        "RETURNED",
                        "STARTED",
                        "REPLIED",
                        "VERIFIED",
                        "CLOSED",
                        "REOPENED");
        assertThat(c.steps().get(5).unit()).isEqualTo("community:" + WEST_COMMUNITY);
        assertThat(c.steps().get(5).toUnit()).isEqualTo("town:" + WEST_TOWN);
        assertThat(c.steps().get(5).note()).isEqualTo("井盖属市政道路，不在社区职责范围");
        assertThat(c.assignments())
                .extracting(a -> a.unit().toString(), a -> a.status())
                .containsExactly(
                        tuple("town:" + WEST_TOWN, AssignmentStatus.REPLIED),
                        tuple("community:" + WEST_COMMUNITY, AssignmentStatus.RETURNED),
                        tuple("town:" + WEST_TOWN, AssignmentStatus.AWAITING_SIGN));
        assertThat(bench.audits(id)).hasSize(11).first().isEqualTo("casework.case.received by operator");
        assertThat(bench.events(id)).isEqualTo(11);
    }

    @Test
    void aReturnFromTheFirstLevelGoesBackToTheCentreForRedispatch() {
        CaseId id = bench.dispatchedToWestTown("T-1002");
        bench.dispatch.returnCase(WEST, id, null, new ReturnCase("不属于本镇管辖"));
        Case c = bench.get(id);
        assertThat(c.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(c.mainUnit()).isNull();
        bench.dispatch.dispatch(
                OPERATOR, id, null, new DispatchCase(unit("dept:urban-management"), List.of(), "改派城管委"));
        bench.dispatch.sign(URBAN, id, null, new SignCase(null));
        assertThat(bench.get(id).status()).isEqualTo(CaseStatus.SIGNED);
        assertThat(bench.actions(id)).containsExactly("RECEIVED", "DISPATCHED", "RETURNED", "DISPATCHED", "SIGNED");
    }

    @Test
    void coHandlersSignAndReplyTheirPartWhileTheMainUnitAnswersForTheCase() {
        CaseId id = bench.receive(CaseBench.hotline("T-1003")).id();
        bench.dispatch.dispatch(
                OPERATOR,
                id,
                null,
                new DispatchCase(unit("dept:urban-management"), List.of(unit("dept:water-affairs")), "主办城管委，水务局协办"));
        bench.dispatch.sign(WATER, id, null, new SignCase(null));
        assertThat(bench.get(id).status())
                .as("a co-handler's signature is not the case's")
                .isEqualTo(CaseStatus.DISPATCHED);
        bench.dispatch.sign(URBAN, id, null, new SignCase(null));
        bench.dispatch.addCoHandlers(URBAN, id, null, new AddCoHandlers(List.of(unit("dept:ecology")), "请生态环境局协办"));
        bench.handling.reply(WATER, id, null, new ReplyToCase("已排查管线，无渗漏。"));
        bench.handling.reply(URBAN, id, null, new ReplyToCase("已更换井盖。"));
        Case c = bench.get(id);
        assertThat(c.status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(c.assignments())
                .extracting(a -> a.unit().toString() + "/" + a.role() + "/" + a.status())
                .containsExactly(
                        "dept:urban-management/MAIN/REPLIED",
                        "dept:water-affairs/CO/REPLIED",
                        "dept:ecology/CO/AWAITING_SIGN");
        assertThat(bench.actions(id))
                .containsExactly(
                        "RECEIVED",
                        "DISPATCHED",
                        "CO_HANDLERS_ADDED",
                        "SIGNED",
                        "SIGNED",
                        "CO_HANDLERS_ADDED",
                        "CO_REPLIED",
                        "REPLIED");
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        CaseId id = bench.dispatchedToWestTown("T-1004");
        int version = bench.version(id);
        assertThatThrownBy(() -> bench.handling.reply(WEST, id, null, new ReplyToCase("未签收先反馈")))
                .isInstanceOf(CaseNotInState.class);
        assertThatThrownBy(() -> bench.verification.close(OPERATOR, id, null, new CloseCase(null)))
                .isInstanceOf(CaseNotInState.class);
        assertThatThrownBy(() -> bench.dispatch.sign(EAST, id, null, new SignCase(null)))
                .as("another town does not even see the case")
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> bench.dispatch.passDown(
                        WEST, id, null, new PassCaseDown(unit("community:" + WEST_COMMUNITY), null)))
                .as("a unit passes down only what it signed")
                .isInstanceOf(CaseNotInState.class);
        bench.dispatch.sign(WEST, id, null, new SignCase(null));
        assertThatThrownBy(() ->
                        bench.dispatch.passDown(WEST, id, null, new PassCaseDown(unit("community:110115002001"), null)))
                .as("a community of another town is not below the west town")
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> bench.dispatch.sign(WEST, id, null, new SignCase(null)))
                .isInstanceOf(CaseNotHeld.class);
        assertThatThrownBy(() -> bench.handling.start(WEST, id, version, new StartHandling(null)))
                .as("a stale version")
                .isInstanceOf(ConcurrentChange.class);
        assertThat(bench.actions(id)).containsExactly("RECEIVED", "DISPATCHED", "SIGNED");
        assertThat(bench.version(id)).isEqualTo(version + 1);
    }

    @Test
    void aFailedFollowUpSendsTheCaseBackToItsUnit() {
        CaseId id = bench.dispatchedToWestTown("T-1005");
        bench.dispatch.sign(WEST, id, null, new SignCase(null));
        bench.handling.reply(WEST, id, null, new ReplyToCase("已处理"));
        bench.verification.verify(
                OPERATOR, id, null, new VerifyCase(false, false, Satisfaction.DISSATISFIED, null, "市民反映问题仍在"));
        Case c = bench.get(id);
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(c.followUp().solved()).isFalse();
        bench.handling.reply(WEST, id, null, new ReplyToCase("已再次处理，现场复查无误"));
        assertThat(bench.get(id).status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(bench.actions(id))
                .containsExactly("RECEIVED", "DISPATCHED", "SIGNED", "REPLIED", "REPLY_REJECTED", "REPLIED");
    }
}
