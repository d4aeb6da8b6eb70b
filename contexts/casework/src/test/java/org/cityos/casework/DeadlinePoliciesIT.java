package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cityos.casework.CalendarFixture.OPERATOR;
import static org.cityos.casework.CalendarFixture.bj;

import java.time.Duration;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deadlines from the seeded default policies and from category policies, on the 2026 calendar. */
class DeadlinePoliciesIT {
    static CalendarFixture f;
    static DeadlinePolicies policies;

    @BeforeAll
    static void start() {
        f = new CalendarFixture();
        policies = f.policies;
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void routineCasesAnswerInTwoHoursAndResolveInFifteenWorkingDays() {
        CaseDeadlines d = policies.deadlines("X99", Urgency.ROUTINE, bj("2026-03-12T09:00"));
        assertThat(d.responseDue()).isEqualTo(bj("2026-03-12T11:00"));
        assertThat(d.responseWarnAt()).isEqualTo(bj("2026-03-12T10:36"));
        assertThat(d.resolutionDue()).isEqualTo(bj("2026-04-02T09:00"));
        // 80 % of 15 × 7.5 office hours is 12 working days: the end of the 12th.
        assertThat(d.resolutionWarnAt()).isEqualTo(bj("2026-03-27T18:00"));
    }

    @Test
    void emergenciesAnswerInHalfAnHourAndResolveInADayAndNight() {
        CaseDeadlines d = policies.deadlines(null, Urgency.EMERGENCY, bj("2026-10-01T23:00"));
        assertThat(d.responseDue()).isEqualTo(bj("2026-10-01T23:30"));
        assertThat(d.responseWarnAt()).isEqualTo(bj("2026-10-01T23:24"));
        assertThat(d.resolutionDue()).isEqualTo(bj("2026-10-02T23:00"));
        assertThat(d.resolutionWarnAt()).isEqualTo(bj("2026-10-02T18:12"));
    }

    @Test
    void urgentCasesSpanNationalDayInWorkingDays() {
        CaseDeadlines d = policies.deadlines("A01", Urgency.URGENT, bj("2026-09-29T14:00"));
        assertThat(d.resolutionDue()).isEqualTo(bj("2026-10-14T14:00"));
    }

    @Test
    void theMostSpecificPrefixWinsThenTheDefault() {
        put("CW", Urgency.ROUTINE, "4h", "5wd", null, null);
        put("CW01", Urgency.ROUTINE, "1h", "2wd", "4wh", null);
        var start = bj("2026-03-12T09:00");
        assertThat(policies.policyFor("CW0105", Urgency.ROUTINE).categoryPrefix())
                .isEqualTo("CW01");
        assertThat(policies.deadlines("CW0105", Urgency.ROUTINE, start).resolutionDue())
                .isEqualTo(bj("2026-03-16T09:00"));
        // 4 office hours before Monday 09:00 is Friday 14:00 (18:00 minus 4).
        assertThat(policies.deadlines("CW0105", Urgency.ROUTINE, start).resolutionWarnAt())
                .isEqualTo(bj("2026-03-13T14:00"));
        assertThat(policies.policyFor("CW02", Urgency.ROUTINE).categoryPrefix()).isEqualTo("CW");
        assertThat(policies.deadlines("CW02", Urgency.ROUTINE, start).resolutionDue())
                .isEqualTo(bj("2026-03-19T09:00"));
        assertThat(policies.policyFor("CX01", Urgency.ROUTINE).categoryPrefix()).isEmpty();
        assertThat(policies.policyFor("CW0105", Urgency.URGENT).categoryPrefix())
                .isEmpty();
        assertThat(f.audited("casework.deadline-policy.set")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void extensionsCountFromTheDueTimeAndSuspensionsGiveBackThePause() {
        var due = bj("2026-09-30T10:00");
        assertThat(policies.extend(due, TimeLimit.parse("3wd").orElseThrow())).isEqualTo(bj("2026-10-10T10:00"));
        assertThat(policies.extend(due, TimeLimit.parse("2d").orElseThrow())).isEqualTo(bj("2026-10-02T10:00"));
        assertThat(policies.shift(due, Duration.ofHours(26))).isEqualTo(bj("2026-10-01T12:00"));
        assertThatThrownBy(() -> policies.shift(due, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changesNeedTheVersionReadAndAStaleOneIsAConflict() {
        DeadlinePolicy created = put("VV", Urgency.URGENT, "2h", "3wd", "0.1", null);
        assertThat(created.version()).isZero();
        assertThatThrownBy(() -> put("VV", Urgency.URGENT, "2h", "4wd", null, null))
                .isInstanceOf(InvalidInput.class);
        DeadlinePolicy changed = put("VV", Urgency.URGENT, "2h", "4wd", null, 0);
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.warnBefore()).isEqualTo(WarnBefore.DEFAULT);
        assertThatThrownBy(() -> put("VV", Urgency.URGENT, "2h", "5wd", null, 0))
                .isInstanceOf(ConcurrentChange.class);
        assertThatThrownBy(() -> policies.delete(OPERATOR, "VV", Urgency.URGENT, 0))
                .isInstanceOf(ConcurrentChange.class);
        policies.delete(OPERATOR, "VV", Urgency.URGENT, 1);
        assertThat(policies.policyFor("VV1", Urgency.URGENT).categoryPrefix()).isEmpty();
        assertThatThrownBy(() -> put("VV", Urgency.URGENT, "2h", "5wd", null, 1))
                .isInstanceOf(ConcurrentChange.class);
        assertThat(f.audited("casework.deadline-policy.deleted")).isEqualTo(1);
    }

    @Test
    void theDefaultPolicyCannotBeDeleted() {
        assertThatThrownBy(() -> policies.delete(OPERATOR, "", Urgency.ROUTINE, 0))
                .isInstanceOf(DefaultPolicyRequired.class);
    }

    @Test
    void everyFaultyFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> policies.put(
                        OPERATOR, "bad prefix!", Urgency.ROUTINE, new DeadlinePolicyDraft("2x", "300wd", "1.5"), null))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(FieldIssue::field, FieldIssue::messageKey)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(
                                                "categoryPrefix", "casework.policy.category-prefix"),
                                        org.assertj.core.groups.Tuple.tuple("response", "casework.time-limit.format"),
                                        org.assertj.core.groups.Tuple.tuple("resolution", "casework.time-limit.range"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "warnBefore", "casework.policy.warn-before")));
    }

    @Test
    void onlyConfiguratorsChangePoliciesAndCaseReadersReadThem() {
        assertThat(policies.list(CalendarFixture.GRID_WORKER)).hasSizeGreaterThanOrEqualTo(3);
        assertThatThrownBy(() -> policies.put(
                        CalendarFixture.GRID_WORKER,
                        "GW",
                        Urgency.ROUTINE,
                        new DeadlinePolicyDraft("2h", "3wd", null),
                        null))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> policies.list(CalendarFixture.STEWARD)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void anotherNodesPolicyChangeArrivesWithTheNextCheck() {
        var start = bj("2026-03-12T09:00");
        f.jdbc.sql(
                        "INSERT INTO casework_deadline_policy (category_prefix, urgency, response_limit, resolution_limit,"
                                + " warn_before, updated_by, updated_at) VALUES ('N2', 'ROUTINE', '1h', '1wd', '0.5', 'node-2', now())")
                .update();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> policies.policyFor("N201", Urgency.ROUTINE)
                        .categoryPrefix()
                        .equals("N2"));
        assertThat(policies.deadlines("N201", Urgency.ROUTINE, start).resolutionDue())
                .isEqualTo(bj("2026-03-13T09:00"));
        assertThat(policies.deadlines("N201", Urgency.ROUTINE, start).resolutionWarnAt())
                .isEqualTo(bj("2026-03-12T14:15"));
    }

    private static DeadlinePolicy put(
            String prefix, Urgency urgency, String response, String resolution, String warn, Integer version) {
        return policies.put(OPERATOR, prefix, urgency, new DeadlinePolicyDraft(response, resolution, warn), version);
    }
}
