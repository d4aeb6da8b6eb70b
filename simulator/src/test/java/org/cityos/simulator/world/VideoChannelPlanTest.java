package org.cityos.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VideoChannelPlanTest {
    private static final SyntheticDistrict SMALL = SyntheticDistrict.generate(7, Scale.SMALL, SampleGeography.daxing());

    @Test
    void everyChannelHasAValidUniqueIdInTheTownOfTheDeviceItStandsBy() {
        List<SimChannel> channels = VideoChannelPlan.generate(7, 2_000, SMALL.devices());
        assertThat(channels).hasSize(2_000);
        assertThat(channels.stream().map(SimChannel::gbId).distinct()).hasSize(2_000);
        Set<String> centres = SMALL.devices().stream()
                .filter(d -> d.division() != null)
                .map(d -> d.division().substring(0, 6) + d.division().substring(7, 9))
                .collect(Collectors.toSet());
        for (SimChannel c : channels) {
            assertThat(c.gbId()).startsWith("110115").matches("\\d{8}(00|01|04|08)(131|132)[02]\\d{6}");
            assertThat(centres).contains(c.gbId().substring(0, 8));
            assertThat(c.name()).startsWith("【合成】");
            assertThat(c.department()).isIn("public-security", "transport", "urban-management");
            assertThat(c.at().lon()).isBetween(116.0, 117.0);
            assertThat(c.at().lat()).isBetween(39.4, 40.0);
        }
        Map<String, Long> byDepartment =
                channels.stream().collect(Collectors.groupingBy(SimChannel::department, Collectors.counting()));
        assertThat(byDepartment.get("public-security"))
                .as("most cameras are public security's")
                .isGreaterThan(1_100);
        Map<String, Long> byStatus =
                channels.stream().collect(Collectors.groupingBy(SimChannel::status, Collectors.counting()));
        assertThat(byStatus.get("ONLINE")).isBetween(1_700L, 1_900L);
        assertThat(channels.stream().filter(SimChannel::ptz).map(c -> c.gbId().substring(10, 13)))
                .as("only dome cameras pan")
                .allMatch("131"::equals);
    }

    @Test
    void theSameSeedGivesTheSameChannels() {
        assertThat(VideoChannelPlan.generate(3, 500, SMALL.devices()))
                .isEqualTo(VideoChannelPlan.generate(3, 500, SMALL.devices()))
                .isNotEqualTo(VideoChannelPlan.generate(4, 500, SMALL.devices()));
    }

    @Test
    void theFullDistrictsCountFitsTheSerials() {
        assertThat(VideoChannelPlan.generate(1, 39_000, SMALL.devices()).stream()
                        .collect(Collectors.toMap(SimChannel::gbId, Function.identity()))
                        .size())
                .isEqualTo(39_000);
        assertThatThrownBy(() -> VideoChannelPlan.generate(1, 1_000_000, SMALL.devices()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
