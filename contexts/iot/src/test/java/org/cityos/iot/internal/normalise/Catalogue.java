package org.cityos.iot.internal.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cityos.iot.DeviceType;
import org.cityos.iot.DeviceTypeComponentClass;
import org.cityos.iot.PayloadForm;
import org.cityos.iot.PayloadMapping;
import org.cityos.iot.internal.registry.DeviceTypeCatalogue;
import org.cityos.iot.internal.registry.DeviceTypeRules;
import tools.jackson.databind.json.JsonMapper;

/** The seeded device types and short ways to normalise a payload against them. */
final class Catalogue {
    static final Instant RECEIVED = Instant.parse("2026-11-24T02:00:00Z");
    static final Normaliser NORMALISER = new Normaliser();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, DeviceType> TYPES = load();

    private Catalogue() {}

    static DeviceType type(String code) {
        return TYPES.get(code);
    }

    static Normalised run(String code, PayloadForm form, PayloadMapping mapping, String payload) {
        return NORMALISER.normalise(type(code), form, mapping, payload.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    static List<NormalisedReading> readings(String code, PayloadForm form, PayloadMapping mapping, String payload) {
        Normalised n = run(code, form, mapping, payload);
        assertThat(n).isInstanceOf(Normalised.Readings.class);
        return ((Normalised.Readings) n).readings();
    }

    static List<NormalisedReading> readings(String code, PayloadForm form, String payload) {
        return readings(code, form, null, payload);
    }

    static String reason(String code, PayloadForm form, PayloadMapping mapping, String payload) {
        Normalised n = run(code, form, mapping, payload);
        assertThat(n).isInstanceOf(Normalised.Undecodable.class);
        return ((Normalised.Undecodable) n).reason();
    }

    static String reason(String code, PayloadForm form, String payload) {
        return reason(code, form, null, payload);
    }

    static Map<String, NormalisedReading> byProperty(List<NormalisedReading> readings) {
        return readings.stream().collect(Collectors.toMap(NormalisedReading::property, Function.identity()));
    }

    static PayloadMapping mapping(String json) {
        return PayloadMapping.parse(JSON.readTree(json));
    }

    private static Map<String, DeviceType> load() {
        DeviceTypeRules rules = new DeviceTypeRules(DeviceTypeCatalogue.classes().stream()
                .map(DeviceTypeComponentClass::code)
                .collect(Collectors.toSet()));
        return DeviceTypeCatalogue.types().stream()
                .map(d -> rules.check(d, true, 1))
                .collect(Collectors.toMap(DeviceType::code, Function.identity()));
    }
}
