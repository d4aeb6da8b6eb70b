package org.cityos.catalog.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cityos.catalog.quality.QualityRun.RunTrigger;
import org.cityos.catalog.quality.Scorecards.ResourceScorecard;
import org.cityos.catalog.quality.Scorecards.TrendPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Sources, rules, runs on upload, on demand and on schedule, scorecards and trends, events and scope. */
class QualityIT {
    static final String CODE = "2-01-001-0001";
    static final String GOOD = """
            station_id,pm25,dept,reporter_phone
            S1,35,ecology,13812345678
            S2,40,transport,13912345678
            """;
    static final String BAD = """
            station_id,pm25,dept,reporter_phone
            S1,35,ecology,13812345678
            S1,,nowhere,12345
            """;
    QualityFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new QualityFixture();
        f.create(CODE, "ecology", QualityFixture.STEWARD);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    void rules() {
        f.quality.bind(QualityFixture.STEWARD, CODE, "imported", 0.9);
        define(new RuleDraft("completeness", List.of("pm25"), null, null, null, null, null, null, 1.0, 2.0));
        define(new RuleDraft(
                "pattern", List.of("reporter_phone"), "1[3-9]\\d{9}", null, null, null, null, null, 1.0, 1.0));
        define(new RuleDraft("uniqueness", List.of("station_id"), null, null, null, null, null, null, 1.0, 1.0));
        define(new RuleDraft(
                "consistency",
                List.of("dept"),
                null,
                null,
                null,
                null,
                "catalog.entries",
                "provider_department",
                1.0,
                1.0));
    }

    QualityRule define(RuleDraft d) {
        return f.quality.defineRule(QualityFixture.STEWARD, CODE, d);
    }

    QualityRun upload(String csv) {
        return f.quality
                .importRows(QualityFixture.STEWARD, CODE, csv.getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
    }

    @Test
    void anUploadRunsEveryRuleAndStoresMaskedSamples() {
        rules();
        // transport has no catalogue entry yet, so the consistency rule sees it as unknown until it has one
        f.create("3-01-001-0001", "transport", QualityFixture.OTHER_STEWARD);
        QualityRun good = upload(GOOD);
        assertThat(good.trigger()).isEqualTo(RunTrigger.IMPORT);
        assertThat(good.results()).allSatisfy(r -> assertThat(r.passed()).isTrue());
        assertThat(good.score()).isEqualTo(1.0);
        assertThat(good.passed()).isTrue();

        QualityRun bad = upload(BAD);
        assertThat(bad.results()).extracting(RuleResult::failed).containsExactly(1, 1, 1, 1);
        // completeness weighs 2: (2 * 0.5 + 0.5 + 0.5 + 0.5) / 5
        assertThat(bad.score()).isEqualTo(0.5);
        assertThat(bad.passed()).isFalse();
        ResourceScorecard card = f.quality.scorecard(QualityFixture.AUDITOR, CODE, 30);
        RuleResult pattern = card.latest().results().get(1);
        assertThat(pattern.kind()).isEqualTo(RuleKind.PATTERN);
        assertThat(pattern.sample()).containsExactly(Map.of("row", "2", "reporter_phone", "1***5"));
        assertThat(card.trend()).extracting(TrendPoint::score).containsExactly(1.0, 0.5);
    }

    @Test
    void casworkHearsOnceWhenAResourceStartsFailingAndAgainAfterItRecovered() {
        rules();
        upload(BAD);
        assertThat(f.failures()).hasSize(1);
        QualityFailed event = f.failures().get(0);
        assertThat(event.providerDepartment()).isEqualTo("ecology");
        assertThat(event.code()).isEqualTo(CODE);
        assertThat(event.threshold()).isEqualTo(0.9);
        assertThat(event.failedRules()).hasSize(4);

        QualityRun again = f.quality.run(QualityFixture.STEWARD, CODE);
        assertThat(again.passed()).isFalse();
        assertThat(again.eventPublished()).isFalse();
        assertThat(f.failures()).hasSize(1);

        f.create("3-01-001-0001", "transport", QualityFixture.OTHER_STEWARD);
        assertThat(upload(GOOD).passed()).isTrue();
        assertThat(f.failures()).hasSize(1);
        assertThat(upload(BAD).eventPublished()).isTrue();
        assertThat(f.failures()).hasSize(2);
    }

    @Test
    void theScheduleRunsDueResourcesByTheClockAndTimelinessAges() {
        // without rules yet, an upload runs nothing
        assertThat(f.quality.importRows(QualityFixture.STEWARD, CODE, GOOD.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        define(new RuleDraft("timeliness", List.of(), null, null, null, null, null, null, 1.0, 1.0));
        assertThat(f.quality.runDue()).isEqualTo(1);
        f.clock.advance(Duration.ofHours(23));
        assertThat(f.quality.runDue()).isZero();
        f.clock.advance(Duration.ofHours(2));
        assertThat(f.quality.runDue()).isEqualTo(1);

        ResourceScorecard card = f.quality.scorecard(QualityFixture.AUDITOR, CODE, 30);
        assertThat(card.trend()).extracting(TrendPoint::score).containsExactly(1.0, 0.0);
        assertThat(card.latest().trigger()).isEqualTo(RunTrigger.SCHEDULE);
        assertThat(card.latest().passed()).isFalse();
        assertThat(card.latest().ranAt()).isEqualTo(f.clock.instant());
        assertThat(f.failures()).hasSize(1);
    }

    @Test
    void aNamedSourceIsReadAndADepartmentScorecardAveragesItsResources() {
        f.create("2-01-001-0002", "ecology", QualityFixture.STEWARD);
        f.quality.bind(QualityFixture.STEWARD, CODE, "catalog.entries", 0.9);
        define(new RuleDraft("uniqueness", List.of("code"), null, null, null, null, null, null, 1.0, 1.0));
        define(new RuleDraft(
                "code_list", List.of("status"), null, null, null, List.of("RETIRED"), null, null, 1.0, 1.0));
        QualityRun run = f.quality.run(QualityFixture.STEWARD, CODE);
        assertThat(run.results()).extracting(RuleResult::checked).containsExactly(2, 2);
        assertThat(run.score()).isEqualTo(0.5);

        f.quality.importRows(QualityFixture.STEWARD, "2-01-001-0002", GOOD.getBytes(StandardCharsets.UTF_8));
        f.quality.defineRule(
                QualityFixture.STEWARD,
                "2-01-001-0002",
                new RuleDraft("completeness", List.of("pm25"), null, null, null, null, null, null, null, null));
        f.quality.run(QualityFixture.STEWARD, "2-01-001-0002");

        var card = f.quality.department(QualityFixture.AUDITOR, "ecology");
        assertThat(card.score()).isEqualTo(0.75);
        assertThat(card.resources()).hasSize(2);
        assertThat(f.quality.department(QualityFixture.AUDITOR, "transport").score())
                .isNull();
    }

    @Test
    void runningNeedsASourceAndRulesAndDeletedRulesAreGone() {
        assertThatThrownBy(() -> f.quality.run(QualityFixture.STEWARD, CODE))
                .isInstanceOf(QualityProblems.NoQualitySource.class);
        assertThatThrownBy(() -> define(
                        new RuleDraft("completeness", List.of("pm25"), null, null, null, null, null, null, null, null)))
                .isInstanceOf(QualityProblems.NoQualitySource.class);
        f.quality.bind(QualityFixture.STEWARD, CODE, "imported", null);
        assertThatThrownBy(() -> f.quality.run(QualityFixture.STEWARD, CODE))
                .isInstanceOf(QualityProblems.NoQualityRules.class);
        QualityRule rule =
                define(new RuleDraft("completeness", List.of("pm25"), null, null, null, null, null, null, null, null));
        assertThat(f.quality.rules(QualityFixture.AUDITOR, CODE)).containsExactly(rule);
        f.quality.deleteRule(QualityFixture.STEWARD, CODE, rule.id());
        assertThat(f.quality.rules(QualityFixture.AUDITOR, CODE)).isEmpty();
        assertThatThrownBy(() -> f.quality.deleteRule(QualityFixture.STEWARD, CODE, rule.id()))
                .isInstanceOf(QualityProblems.UnknownRule.class);
        assertThatThrownBy(() -> f.quality.importRows(
                        QualityFixture.STEWARD, CODE, "a,a\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(QualityProblems.UnreadableRows.class);
    }

    @Test
    void aSourceOfAContextNotDeployedIsRefused() {
        assertThat(f.quality.sources(QualityFixture.AUDITOR))
                .containsEntry("catalog.entries", true)
                .containsEntry("iot.devices", false);
        assertThatThrownBy(() -> f.quality.bind(QualityFixture.STEWARD, CODE, "iot.devices", null))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void overHttpOtherDepartmentsAreForbiddenAndBadRulesNamed() throws Exception {
        Actor[] current = {QualityFixture.STEWARD};
        MockMvc mvc = f.mvc(current);
        mvc.perform(put("/api/catalog/quality/resources/" + CODE + "/source")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\": \"imported\", \"threshold\": 0.8}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.threshold").value(0.8));
        mvc.perform(post("/api/catalog/quality/resources/" + CODE + "/rules")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"range\", \"fields\": [\"pm25\"], \"min\": 9, \"max\": 1,"
                                + " \"threshold\": 2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("max", "threshold")));
        mvc.perform(post("/api/catalog/quality/resources/" + CODE + "/rules")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"range\", \"fields\": [\"pm25\"], \"min\": 0, \"max\": 500}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("RANGE"));
        mvc.perform(multipart("/api/catalog/quality/resources/" + CODE + "/rows")
                        .file(new MockMultipartFile(
                                "file", "rows.csv", "text/csv", GOOD.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(1.0));

        current[0] = QualityFixture.OTHER_STEWARD;
        mvc.perform(post("/api/catalog/quality/resources/" + CODE + "/rules")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"completeness\", \"fields\": [\"pm25\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/catalog/quality/resources/" + CODE + "/runs")).andExpect(status().isForbidden());
        current[0] = QualityFixture.AUDITOR;
        mvc.perform(post("/api/catalog/quality/resources/" + CODE + "/runs")).andExpect(status().isForbidden());
        mvc.perform(get("/api/catalog/quality/resources/" + CODE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.latest.score").value(1.0))
                .andExpect(jsonPath("$.trend.length()").value(1));
        mvc.perform(get("/api/catalog/quality/departments/ecology"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(1.0));
    }
}
