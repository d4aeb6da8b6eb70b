package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.casework.CaseBench.OPERATOR;
import static org.cityos.casework.CaseBench.URBAN;
import static org.cityos.casework.CaseBench.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.cityos.casework.CaseCommands.CloseCase;
import org.cityos.casework.CaseCommands.DispatchCase;
import org.cityos.casework.CaseCommands.ReplyToCase;
import org.cityos.casework.CaseCommands.SignCase;
import org.cityos.casework.CaseCommands.StartHandling;
import org.cityos.casework.CaseCommands.VerifyCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A command's answer is built in its own transaction from what it saved: it must be exactly the case a later read
 * returns (to the microsecond, with a clock that has nanoseconds), and a refused command must leave nothing behind.
 */
class CaseAnswerIT {
    static CaseBench bench;

    @BeforeAll
    static void start() {
        bench = new CaseBench();
        bench.clock.set(Instant.parse("2026-11-24T02:00:00.123456789Z"));
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @Test
    void eachStepAnswersTheCaseAsALaterReadSeesIt() {
        CaseId id = bench.receive(CaseBench.hotline("ANS-1")).id();
        List<Supplier<CaseId>> steps = List.of(
                () -> bench.dispatch.dispatch(
                        OPERATOR, id, null, new DispatchCase(unit("dept:urban-management"), List.of(), "请处理")),
                () -> bench.dispatch.sign(URBAN, id, null, new SignCase(null)),
                () -> bench.handling.start(URBAN, id, null, new StartHandling("已安排")),
                () -> bench.handling.reply(URBAN, id, null, new ReplyToCase("已处理完毕")),
                () -> bench.verification.verify(
                        OPERATOR, id, null, new VerifyCase(true, true, Satisfaction.SATISFIED, null, "满意")),
                () -> bench.verification.close(OPERATOR, id, null, new CloseCase(null)));
        int version = bench.get(id).version();
        for (Supplier<CaseId> step : steps) {
            bench.clock.advance(Duration.ofNanos(61_000_000_777L));
            Case answer = bench.cases.after(OPERATOR, step);
            Case read = bench.get(id);
            assertThat(answer).usingRecursiveComparison().isEqualTo(read);
            assertThat(answer.version()).isEqualTo(++version);
        }
        assertThat(bench.get(id).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(bench.get(id).steps()).hasSize(7);
    }

    @Test
    void aRefusedCommandAnswersNothingAndChangesNothing() {
        CaseId id = bench.receive(CaseBench.hotline("ANS-2")).id();
        bench.dispatch.dispatch(OPERATOR, id, null, new DispatchCase(unit("dept:urban-management"), List.of(), null));
        Case before = bench.get(id);

        assertThatThrownBy(() -> bench.cases.after(
                        URBAN, () -> bench.handling.reply(URBAN, id, null, new ReplyToCase("没有签收就答复"))))
                .isInstanceOf(CaseNotInState.class);

        assertThat(bench.get(id)).usingRecursiveComparison().isEqualTo(before);
    }
}
