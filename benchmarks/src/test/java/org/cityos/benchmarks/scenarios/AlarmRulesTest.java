package org.cityos.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.benchmarks.ingest.ReadingPayload;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AlarmRulesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aHundredDistinctRulesWatchTheLoadTypeAndEachTestsAPropertyEveryLoadMessageCarries() {
        List<AlarmRules.Draft> rules = AlarmRules.forLoad();

        assertThat(rules).hasSize(100);
        assertThat(rules.stream().map(AlarmRules.Draft::name).collect(Collectors.toSet()))
                .hasSize(100);
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.deviceType()).isEqualTo(AlarmRules.LOAD_TYPE);
            assertThat(r.condition()).isNotEmpty();
            assertThat(Set.of("pm25", "temperature", "humidity"))
                    .contains(r.condition().get(0).property());
        });
        assertThat(rules.stream().map(AlarmRules.Draft::kind).distinct())
                .containsExactlyInAnyOrder("THRESHOLD", "DURATION");
    }

    @Test
    void noLoadRuleRaisesOnAnyReadingTheLoadSends() {
        ReadingPayload payload = new ReadingPayload(1_732_435_200_000L);
        List<AlarmRules.Draft> rules = AlarmRules.forLoad();
        for (int device = 0; device < 200; device++) {
            for (long seq = 0; seq < 200; seq++) {
                Map<String, Double> values = values(payload.encode(device, seq));
                for (AlarmRules.Draft rule : rules) {
                    assertThat(rule.raisesAt(values))
                            .as("%s on %s", rule.name(), values)
                            .isFalse();
                    // Not even the first clause alone: a combined rule stays quiet on its own threshold.
                    AlarmRules.Clause first = rule.condition().get(0);
                    assertThat(first.holds(values.get(first.property()))).isFalse();
                }
            }
        }
    }

    @Test
    void theProbeRaisesOnItsHighLevelAndClearsOnItsLowOne() {
        AlarmRules.Draft probe = AlarmRules.probe();

        assertThat(probe.raisesAt(Map.of(AlarmRules.PROBE_PROPERTY, AlarmRules.PROBE_HIGH)))
                .isTrue();
        assertThat(probe.raisesAt(Map.of(AlarmRules.PROBE_PROPERTY, AlarmRules.PROBE_LOW)))
                .isFalse();
        assertThat(probe.clear().holds(AlarmRules.PROBE_LOW)).isTrue();
        assertThat(probe.clear().holds(AlarmRules.PROBE_HIGH)).isFalse();
        assertThat(probe.deviceType()).isNotEqualTo(AlarmRules.LOAD_TYPE);
    }

    @Test
    void draftsAreWrittenAsTheRulesApiTakesThem() {
        Map<String, Object> probe = AlarmRules.probe().json();
        assertThat(probe)
                .containsEntry("kind", "THRESHOLD")
                .containsEntry("severity", "RED")
                .containsEntry("condition", "currentLevel > 0.15")
                .containsEntry("clearCondition", "currentLevel < 0.1");
        assertThat(probe.get("scope"))
                .isEqualTo(Map.of("deviceTypes", List.of("waterlogging-level"), "departments", List.of()));

        AlarmRules.Draft haze = AlarmRules.forLoad().get(99);
        assertThat(haze.json().get("condition")).isEqualTo("pm25 > 525.0 && humidity > 60.0");
        AlarmRules.Draft lasting = AlarmRules.forLoad().get(30);
        assertThat(lasting.json()).containsEntry("kind", "DURATION").containsEntry("window", "PT5M");
    }

    private static Map<String, Double> values(byte[] message) {
        JsonNode values =
                JSON.readTree(new String(message, StandardCharsets.US_ASCII)).path("values");
        Map<String, Double> out = new HashMap<>();
        values.propertyNames().forEach(name -> out.put(name, values.path(name).asDouble()));
        return out;
    }
}
