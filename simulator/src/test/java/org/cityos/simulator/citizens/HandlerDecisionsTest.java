package org.cityos.simulator.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HandlerDecisionsTest {
    static final Instant ASSIGNED = Instant.parse("2026-11-24T02:00:00Z");
    static final Instant RESOLUTION_DUE = ASSIGNED.plus(Duration.ofHours(24));
    static final HandlerHabits HABITS = new HandlerHabits(0.1, 0.2, Duration.ofHours(2));

    static InboxEntry entry(String status, String role, String assignment) {
        return new InboxEntry(
                "c-1",
                "0304",
                status,
                "dept:urban-management",
                role,
                assignment,
                ASSIGNED,
                ASSIGNED.plus(Duration.ofHours(2)),
                RESOLUTION_DUE,
                3);
    }

    static HandlerAction decide(InboxEntry e, Instant now, boolean stopped, double returnDraw, double overrunDraw) {
        return HandlerDecisions.decide(e, now, HABITS, stopped, returnDraw, overrunDraw);
    }

    @Test
    void aNewCaseIsSignedUnlessTheUnitStoppedSigningOrReturnsIt() {
        InboxEntry fresh = entry("DISPATCHED", "MAIN", "AWAITING_SIGN");
        assertThat(decide(fresh, ASSIGNED, false, 0.5, 0.5)).isEqualTo(HandlerAction.SIGN);
        assertThat(decide(fresh, ASSIGNED, true, 0.5, 0.5)).isEqualTo(HandlerAction.WAIT);
        assertThat(decide(fresh, ASSIGNED.plus(Duration.ofDays(3)), true, 0.5, 0.5))
                .as("stopped means stopped, deadline or not")
                .isEqualTo(HandlerAction.WAIT);
        assertThat(decide(fresh, ASSIGNED, false, 0.05, 0.5)).isEqualTo(HandlerAction.RETURN);
        assertThat(decide(fresh, ASSIGNED, true, 0.05, 0.5))
                .as("a unit that stopped signing does not return either")
                .isEqualTo(HandlerAction.WAIT);
        assertThat(decide(entry("DISPATCHED", "CO", "AWAITING_SIGN"), ASSIGNED, false, 0.05, 0.5))
                .as("a co-handler never returns")
                .isEqualTo(HandlerAction.SIGN);
    }

    @Test
    void aSignedCaseIsStartedThenRepliedAfterTheWorkTime() {
        assertThat(decide(entry("SIGNED", "MAIN", "SIGNED"), ASSIGNED, false, 0.5, 0.5))
                .isEqualTo(HandlerAction.START);
        InboxEntry working = entry("IN_PROGRESS", "MAIN", "SIGNED");
        assertThat(decide(working, ASSIGNED.plus(Duration.ofMinutes(119)), false, 0.5, 0.5))
                .isEqualTo(HandlerAction.WAIT);
        assertThat(decide(working, ASSIGNED.plus(Duration.ofHours(2)), false, 0.5, 0.5))
                .isEqualTo(HandlerAction.REPLY);
        InboxEntry coPart = entry("SIGNED", "CO", "SIGNED");
        assertThat(decide(coPart, ASSIGNED.plus(Duration.ofHours(3)), false, 0.5, 0.5))
                .as("a co-handler replies its part whatever the main unit does")
                .isEqualTo(HandlerAction.REPLY);
    }

    @Test
    void anOverrunningCaseIsHeldUntilItsResolutionDeadlineHasPassed() {
        InboxEntry working = entry("IN_PROGRESS", "MAIN", "SIGNED");
        assertThat(decide(working, ASSIGNED.plus(Duration.ofHours(5)), false, 0.5, 0.1))
                .isEqualTo(HandlerAction.WAIT);
        assertThat(decide(working, RESOLUTION_DUE, false, 0.5, 0.1)).isEqualTo(HandlerAction.WAIT);
        assertThat(decide(working, RESOLUTION_DUE.plusSeconds(1), false, 0.5, 0.1))
                .isEqualTo(HandlerAction.REPLY);
    }

    @Test
    void entriesThatAreNotTheBotsToActOnAreLeftAlone() {
        assertThat(decide(entry("REPLIED", "MAIN", "REPLIED"), ASSIGNED.plus(Duration.ofDays(1)), false, 0.5, 0.5))
                .isEqualTo(HandlerAction.WAIT);
        assertThat(decide(entry("SUSPENDED", "MAIN", "SIGNED"), ASSIGNED.plus(Duration.ofDays(1)), false, 0.5, 0.5))
                .isEqualTo(HandlerAction.WAIT);
    }
}
