package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.casework.CaseBench.OPERATOR;
import static org.cityos.casework.CaseBench.WEST;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cityos.casework.CaseCommands.ReplyToCase;
import org.cityos.casework.CaseCommands.SignCase;
import org.cityos.kernel.PageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deadlines on the shared timers with an injected clock: a routine case dispatched at 09:00 on a working Tuesday
 * must be signed within 2 h (warned at 80 %) and answered within 15 working days; a passed deadline marks the case
 * overdue, tells the unit and the centre, and supervises the case by itself; timers follow the state.
 */
class CaseDeadlinesIT {
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
    void anUnsignedCaseIsWarnedThenOverdueAndSupervisedOnce() {
        Instant dispatched = bench.clock.instant();
        CaseId id = bench.dispatchedToWestTown("T-4001");
        Case c = bench.get(id);
        assertThat(c.deadlines().responseDue()).isEqualTo(dispatched.plus(Duration.ofHours(2)));
        assertThat(timers(id))
                .containsExactlyInAnyOrder("response-warn", "response-due", "resolution-warn", "resolution-due");

        bench.passAndFire(Duration.ofMinutes(95));
        assertThat(bench.actions(id)).doesNotContain("RESPONSE_WARNED");
        bench.passAndFire(Duration.ofMinutes(1));
        assertThat(bench.actions(id)).endsWith("RESPONSE_WARNED");
        assertThat(bench.cases.notices(WEST, true, 10))
                .extracting(CaseNotice::kind)
                .contains(NoticeKind.RESPONSE_WARNING);

        bench.passAndFire(Duration.ofMinutes(24));
        c = bench.get(id);
        assertThat(c.deadlines().responseOverdue()).isTrue();
        assertThat(c.supervisions()).isEqualTo(1);
        assertThat(bench.actions(id)).endsWith("RESPONSE_WARNED", "RESPONSE_OVERDUE", "SUPERVISED");
        assertThat(bench.cases.notices(OPERATOR, true, 10))
                .extracting(CaseNotice::kind)
                .contains(NoticeKind.OVERDUE);
        assertThat(timers(id)).containsExactlyInAnyOrder("resolution-warn", "resolution-due");

        bench.passAndFire(Duration.ofHours(1));
        assertThat(bench.get(id).supervisions()).as("fired once").isEqualTo(1);
        assertThat(bench.cases
                        .search(
                                OPERATOR,
                                new CaseFilter(List.of(), null, null, null, null, true, null, null, null),
                                PageRequest.of(0, 100))
                        .items())
                .extracting(Case::id)
                .contains(id);
    }

    @Test
    void signingInTimeStopsTheResponseClockAndReplyingStopsTheResolutionClock() {
        CaseId id = bench.dispatchedToWestTown("T-4002");
        bench.pass(Duration.ofMinutes(30));
        bench.dispatch.sign(WEST, id, null, new SignCase(null));
        assertThat(timers(id)).containsExactlyInAnyOrder("resolution-warn", "resolution-due");
        bench.handling.reply(WEST, id, null, new ReplyToCase("已处理完毕"));
        assertThat(timers(id)).isEmpty();
        bench.passAndFire(Duration.ofDays(30));
        Case c = bench.get(id);
        assertThat(c.deadlines().responseOverdue()).isFalse();
        assertThat(c.deadlines().resolutionOverdue()).isFalse();
        assertThat(c.supervisions()).isZero();
    }

    @Test
    void theResolutionDeadlineCountsWorkingDaysAcrossTheWeekend() {
        CaseId id = bench.dispatchedToWestTown("T-4003");
        Case c = bench.get(id);
        Instant dispatched = c.times().dispatchedAt();
        // 15 working days from a Tuesday: three calendar weeks, the same clock time.
        assertThat(c.deadlines().resolutionDue()).isEqualTo(dispatched.plus(Duration.ofDays(21)));
    }

    private static List<String> timers(CaseId id) {
        return bench.timers.pending("casework.deadline", id.value()).stream()
                .map(t -> t.key().name())
                .toList();
    }
}
