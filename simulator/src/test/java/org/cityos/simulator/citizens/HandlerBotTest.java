package org.cityos.simulator.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.scenario.ScenarioStep;
import org.junit.jupiter.api.Test;

class HandlerBotTest {
    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    /** A desk whose inbox the test sets, recording what was done and refusing what the test says. */
    static final class FakeDesk implements CaseworkDesk {
        final List<InboxEntry> inbox = new ArrayList<>();
        final List<String> done = new ArrayList<>();
        final List<CitizenRequest> filed = new ArrayList<>();
        String refuse;

        @Override
        public String file(CitizenRequest request) {
            filed.add(request);
            return "case-" + filed.size();
        }

        @Override
        public List<InboxEntry> inbox(String user) {
            return List.copyOf(inbox);
        }

        @Override
        public void act(String user, InboxEntry entry, HandlerAction action) {
            if (entry.caseId().equals(refuse)) {
                throw new DeskRefused("act", 409, "{\"type\":\"case-not-in-state\"}");
            }
            done.add(user + " " + action + " " + entry.caseId());
        }

        final List<String> replied = new ArrayList<>();

        @Override
        public List<String> awaitingFollowUp(String operator) {
            return List.copyOf(replied);
        }

        @Override
        public void followUp(String operator, String caseId, FollowUp verdict) {
            if (caseId.equals(refuse)) {
                throw new DeskRefused("verify", 409, "{\"type\":\"case-not-in-state\"}");
            }
            done.add(operator + " FOLLOW_UP " + caseId + " " + verdict.passed() + " " + verdict.satisfaction());
        }

        final List<String> verified = new ArrayList<>();

        @Override
        public List<String> awaitingClosure(String operator) {
            return List.copyOf(verified);
        }

        @Override
        public void close(String operator, String caseId) {
            if (caseId.equals(refuse)) {
                throw new DeskRefused("close", 409, "{\"type\":\"case-not-in-state\"}");
            }
            replied.remove(caseId);
            verified.remove(caseId);
            done.add(operator + " CLOSE " + caseId);
        }
    }

    final FakeDesk desk = new FakeDesk();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final HandlerHabits diligent = new HandlerHabits(0, 0, Duration.ofHours(1));

    static InboxEntry awaiting(String id) {
        return new InboxEntry(
                id, "0304", "DISPATCHED", "dept:urban-management", "MAIN", "AWAITING_SIGN", NOW, null, null, 1);
    }

    @Test
    void theStopSigningSwitchOfItsUnitKeepsTheBotFromSigningUntilResumed() {
        HandlerBot urban = new HandlerBot("dept-urban", "dept:urban-management", diligent, 1, desk, clock);
        HandlerBot water = new HandlerBot("dept-water", "dept:water", diligent, 1, desk, clock);
        CityPeople people = new CityPeople(new RequestGenerator(1, 10, 0, "S"), desk, clock, List.of(urban, water));
        desk.inbox.add(awaiting("c-1"));

        people.stopSigning("dept:urban-management", true);
        assertThat(urban.workInbox()).isZero();
        assertThat(water.workInbox()).as("another unit signs on").isEqualTo(1);
        assertThat(people.signingStopped("dept:urban-management")).isTrue();

        people.stopSigning("dept:urban-management", false);
        assertThat(urban.workInbox()).isEqualTo(1);
        assertThat(desk.done).containsExactly("dept-water SIGN c-1", "dept-urban SIGN c-1");
        assertThat(urban.tally()).containsEntry(HandlerAction.WAIT, 1L).containsEntry(HandlerAction.SIGN, 1L);
    }

    @Test
    void aRefusedActionIsCountedAndTheRestOfTheInboxStillWorked() {
        HandlerBot bot = new HandlerBot("dept-urban", "dept:urban-management", diligent, 1, desk, clock);
        desk.inbox.add(awaiting("c-1"));
        desk.inbox.add(awaiting("c-2"));
        desk.refuse = "c-1";
        assertThat(bot.workInbox()).isEqualTo(1);
        assertThat(bot.refused()).isEqualTo(1);
        assertThat(desk.done).containsExactly("dept-urban SIGN c-2");
    }

    @Test
    void aBotReturnsAboutItsShareOfNewCasesAndDecidesEachCaseTheSameWayEveryPass() {
        HandlerBot bot = new HandlerBot(
                "dept-urban", "dept:urban-management", new HandlerHabits(0.2, 0, Duration.ZERO), 9, desk, clock);
        for (int i = 0; i < 1000; i++) {
            desk.inbox.add(awaiting("c-" + i));
        }
        bot.workInbox();
        List<String> first = List.copyOf(desk.done);
        long returned = first.stream().filter(s -> s.contains("RETURN")).count();
        assertThat(returned).isBetween(150L, 250L);
        desk.done.clear();
        bot.workInbox();
        assertThat(desk.done).isEqualTo(first);
    }

    @Test
    void aComplaintBurstIsFiledThroughTheDesk() {
        CityPeople people = new CityPeople(new RequestGenerator(1, 10, 0, "S"), desk, clock, List.of());
        people.fileComplaints(new ScenarioStep.Complaints(new GeoPoint(116.335, 39.728), "0304", 5, 30));
        assertThat(desk.filed)
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.category()).isEqualTo("0304"));
    }
}
