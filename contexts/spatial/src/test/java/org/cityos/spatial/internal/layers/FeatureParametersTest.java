package org.cityos.spatial.internal.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.FeatureBox;
import org.cityos.spatial.FeatureTimeFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureParametersTest {

    @Test
    void bbox_of_four_or_six_numbers() {
        assertThat(FeatureParameters.bbox("116.1,39.5,116.6,39.9")).isEqualTo(new FeatureBox(116.1, 39.5, 116.6, 39.9));
        assertThat(FeatureParameters.bbox(" 116.1, 39.5, 0, 116.6, 39.9, 100 "))
                .isEqualTo(new FeatureBox(116.1, 39.5, 116.6, 39.9));
        assertThat(FeatureParameters.bbox(null)).isNull();
        assertThat(FeatureParameters.bbox("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1,2,3",
                "1,2,3,4,5",
                "a,b,c,d",
                "1,2,,4",
                "NaN,1,2,3",
                "116,39,117,91",
                "-181,0,0,1",
                "117,39,116,40"
            })
    void bad_bbox_is_invalid_input_on_the_bbox_field(String text) {
        assertThatThrownBy(() -> FeatureParameters.bbox(text))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e -> assertThat(((InvalidInput) e).fieldIssues().get(0).field())
                                .isEqualTo("bbox"));
    }

    @Test
    void datetime_instant_and_dates() {
        Instant t = Instant.parse("2026-03-01T04:00:00Z");
        assertThat(FeatureParameters.datetime("2026-03-01T12:00:00+08:00")).isEqualTo(FeatureTimeFilter.at(t));
        assertThat(FeatureParameters.datetime("2026-03-01t04:00:00z")).isEqualTo(FeatureTimeFilter.at(t));
        FeatureTimeFilter day = FeatureParameters.datetime("2026-03-01");
        assertThat(day.matches(Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
        assertThat(day.matches(Instant.parse("2026-03-01T23:59:59Z"))).isTrue();
        assertThat(day.matches(Instant.parse("2026-03-02T00:00:00Z"))).isFalse();
    }

    @Test
    void datetime_intervals_closed_and_open() {
        Instant a = Instant.parse("2025-01-01T00:00:00Z");
        Instant b = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(FeatureParameters.datetime("2025-01-01T00:00:00Z/2026-01-01T00:00:00Z"))
                .isEqualTo(new FeatureTimeFilter(a, b));
        assertThat(FeatureParameters.datetime("../2026-01-01T00:00:00Z")).isEqualTo(new FeatureTimeFilter(null, b));
        assertThat(FeatureParameters.datetime("2025-01-01T00:00:00Z/..")).isEqualTo(new FeatureTimeFilter(a, null));
        assertThat(FeatureParameters.datetime("2025-01-01T00:00:00Z/")).isEqualTo(new FeatureTimeFilter(a, null));
        assertThat(FeatureParameters.datetime("/2026-01-01T00:00:00Z")).isEqualTo(new FeatureTimeFilter(null, b));

        FeatureTimeFilter upTo = FeatureParameters.datetime("../2026-01-01T00:00:00Z");
        assertThat(upTo.matches(b)).as("ends are inclusive").isTrue();
        assertThat(upTo.matches(b.plusSeconds(1))).isFalse();
        assertThat(upTo.matches(null)).as("features without time never match").isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yesterday",
                "..",
                "../..",
                "/",
                "2026-13-01",
                "2026-01-01T00:00:00",
                "a/b/c",
                "2026-01-02T00:00:00Z/2026-01-01T00:00:00Z"
            })
    void bad_datetime_is_invalid_input_on_the_datetime_field(String text) {
        assertThatThrownBy(() -> FeatureParameters.datetime(text))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e -> assertThat(((InvalidInput) e).fieldIssues().get(0).field())
                                .isEqualTo("datetime"));
    }

    @Test
    void limit_defaults_and_bounds() {
        assertThat(FeatureParameters.limit(null, 10)).isEqualTo(10);
        assertThat(FeatureParameters.limit("10000", 10)).isEqualTo(10_000);
        assertThat(FeatureParameters.offset(null)).isZero();
        assertThat(FeatureParameters.offset("25")).isEqualTo(25);
        for (String bad : new String[] {"0", "10001", "-1", "ten", "99999999999999"}) {
            assertThatThrownBy(() -> FeatureParameters.limit(bad, 10)).as(bad).isInstanceOf(InvalidInput.class);
        }
        assertThatThrownBy(() -> FeatureParameters.offset("-1")).isInstanceOf(InvalidInput.class);
    }
}
