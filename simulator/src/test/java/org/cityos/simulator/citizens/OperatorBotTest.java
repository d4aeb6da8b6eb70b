package org.cityos.simulator.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OperatorBotTest {
    final HandlerBotTest.FakeDesk desk = new HandlerBotTest.FakeDesk();

    @Test
    void followsUpEveryRepliedCaseClosesThePassedOnesAndCountsTheRest() {
        IntStream.rangeClosed(1, 200).forEach(i -> desk.replied.add("c-" + i));
        OperatorBot operator = new OperatorBot("operator", 7, desk, OperatorBot.FollowUpHabits.usual());

        int closed = operator.workDesk();

        assertThat(closed).isEqualTo(operator.closed()).isBetween(170, 198);
        assertThat(operator.reopened()).isEqualTo(200 - closed);
        assertThat(desk.replied)
                .as("a failed follow-up leaves the case with its unit")
                .hasSize(200 - closed);
        assertThat(desk.done.stream().filter(d -> d.contains(" CLOSE "))).hasSize(closed);
    }

    @Test
    void theSatisfactionMixFollowsTheHabitsAndAnUnsolvedCaseIsNeverRatedSatisfied() {
        OperatorBot operator = new OperatorBot("operator", 3, desk, OperatorBot.FollowUpHabits.usual());
        Map<String, Long> ratings = IntStream.range(0, 10_000)
                .mapToObj(i -> operator.judge("case-" + i))
                .peek(v -> assertThat(v.passed() || v.satisfaction().equals("DISSATISFIED"))
                        .isTrue())
                .collect(Collectors.groupingBy(CaseworkDesk.FollowUp::satisfaction, Collectors.counting()));

        assertThat(ratings.get("SATISFIED")).isBetween(6_600L, 7_200L); // 0.92 × 0.75
        assertThat(ratings.get("BASICALLY_SATISFIED")).isBetween(1_400L, 1_750L); // 0.92 × 0.17
        assertThat(operator.judge("case-42"))
                .as("the same case is judged the same way")
                .isEqualTo(operator.judge("case-42"));
    }

    @Test
    void aRefusedFollowUpIsCountedAndTheRestGoOn() {
        desk.replied.addAll(java.util.List.of("c-1", "c-2"));
        desk.refuse = "c-1";
        OperatorBot operator = new OperatorBot("operator", 1, desk, new OperatorBot.FollowUpHabits(0, 1, 0));

        assertThat(operator.workDesk()).isEqualTo(1);
        assertThat(operator.refused()).isEqualTo(1);
        assertThat(desk.replied).containsExactly("c-1");
    }

    @Test
    void casesVerifiedOnSiteAreClosedAndARefusedClosingIsCounted() {
        desk.verified.addAll(java.util.List.of("grid-1", "grid-2", "grid-3"));
        desk.refuse = "grid-2";
        OperatorBot operator = new OperatorBot("operator", 1, desk, OperatorBot.FollowUpHabits.usual());

        assertThat(operator.workDesk()).isEqualTo(2);

        assertThat(desk.done).containsExactly("operator CLOSE grid-1", "operator CLOSE grid-3");
        assertThat(desk.done).noneMatch(d -> d.contains("FOLLOW_UP"));
        assertThat(operator.closed()).isEqualTo(2);
        assertThat(operator.refused()).isEqualTo(1);
    }
}
