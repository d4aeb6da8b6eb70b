package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cityos.casework.CaseBench.OPERATOR;
import static org.cityos.casework.CaseBench.unit;

import java.time.Duration;
import java.util.List;
import org.cityos.alerting.AlarmFacts;
import org.cityos.alerting.AlarmId;
import org.cityos.alerting.AlarmRaised;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.Severity;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.event.EventBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alarms become cases by casework's policies, through the real outbox: a waterlogging alarm of orange or worse
 * becomes an urgent case dispatched by the rule table; a blue one, or one no policy names, does not; a redelivered
 * event makes no second case.
 */
class AlarmIntakeIT {
    static CaseBench bench;

    @BeforeAll
    static void start() {
        bench = new CaseBench();
        bench.policies.create(
                OPERATOR,
                new IntakePolicy(
                        0,
                        IntakePolicies.ALARMS,
                        "template",
                        "waterlogging",
                        "E0405",
                        Urgency.URGENT,
                        "ORANGE",
                        true,
                        0));
        bench.rules.create(OPERATOR, new DispatchRule(0, "E0405", "", unit("dept:water-affairs"), List.of(), true, 0));
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @Test
    void aSevereEnoughAlarmNamedByAPolicyBecomesOneDispatchedCase() {
        AlarmRaised orange = raised("waterlogging", Severity.ORANGE);
        publish(orange);
        publish(orange);
        String alarm = orange.alarm().alarmId().value();
        await().atMost(Duration.ofSeconds(20)).until(() -> casesFor(alarm) == 1);
        Case c = bench.cases.byNumber(
                OPERATOR,
                bench.jdbc
                        .sql("SELECT number FROM casework_case WHERE external_id = ?")
                        .param(alarm)
                        .query(String.class)
                        .single());
        assertThat(c.channel()).isEqualTo(Channel.ALARM);
        assertThat(c.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(c.categoryCode()).isEqualTo("E0405");
        assertThat(c.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(c.mainUnit()).isEqualTo("dept:water-affairs");
        assertThat(c.title()).contains("橙色").contains("路口积水");
        assertThat(c.place().town()).isEqualTo(CaseBench.WEST_TOWN);

        AlarmRaised blue = raised("waterlogging", Severity.BLUE);
        AlarmRaised unnamed = raised("bus-speeding", Severity.RED);
        publish(blue);
        publish(unnamed);
        AlarmRaised marker = raised("waterlogging", Severity.RED);
        publish(marker);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> casesFor(marker.alarm().alarmId().value()) == 1);
        assertThat(casesFor(blue.alarm().alarmId().value())).isZero();
        assertThat(casesFor(unnamed.alarm().alarmId().value())).isZero();
        assertThat(casesFor(alarm)).isEqualTo(1);
    }

    static AlarmRaised raised(String template, Severity severity) {
        AlarmId id = AlarmId.random();
        return new AlarmRaised(
                new AlarmFacts(
                        id,
                        RuleId.random(),
                        "积水监测",
                        template,
                        RuleKind.THRESHOLD,
                        severity,
                        "w-17",
                        "w-17",
                        "waterlogging-level",
                        CaseBench.WEST_COMMUNITY,
                        GeoPoint.of(116.15, 39.66),
                        "路口积水",
                        "水深 0.35 m",
                        bench.clock.instant(),
                        0,
                        0),
                null,
                null,
                bench.clock.instant());
    }

    static void publish(AlarmRaised event) {
        EventBus bus = bench.context.getBean(EventBus.class);
        bench.context.getBean(TransactionTemplate.class).executeWithoutResult(tx -> bus.publish(event));
    }

    static long casesFor(String alarm) {
        return bench.jdbc
                .sql("SELECT count(*) FROM casework_case WHERE external_id = ?")
                .param(alarm)
                .query(Long.class)
                .single();
    }
}
