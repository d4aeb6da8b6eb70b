package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.cityos.iot.internal.video.Gb28181Codes;
import org.cityos.iot.internal.video.Gb28181Rules;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Placement.PlacedDivision;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class SyntheticChannelsTest {
    /** West half of the box is town 003, east half town 012; the north-east corner is outside. */
    static final VideoChannelPlacer PLACER = new VideoChannelPlacer(new Envelope(116.0, 117.0, 39.0, 40.0), p -> {
        if (p.lon() > 116.8 && p.lat() > 39.8) {
            return Placement.outside(p);
        }
        DivisionCode town = DivisionCode.of(p.lon() < 116.5 ? "110115003000" : "110115012000");
        return new Placement(
                p,
                true,
                List.of(
                        new PlacedDivision(DivisionCode.of("110115000000"), "区", DivisionKind.DISTRICT, true),
                        new PlacedDivision(town, "镇" + town.value().substring(6, 9), DivisionKind.TOWN, true)));
    });

    static final List<DepartmentCode> DEPARTMENTS =
            List.of(DepartmentCode.of("public-security"), DepartmentCode.of("traffic"), DepartmentCode.of("city"));

    @Test
    void everyIdIsValidUniqueAndInsideTheDistrict() {
        List<VideoChannelDraft> drafts = SyntheticChannels.generate(7, 3000, PLACER, DEPARTMENTS);
        Gb28181Rules rules = new Gb28181Rules("110115000000", Gb28181Codes.standard());
        assertThat(drafts).hasSize(3000);
        assertThat(new HashSet<>(drafts.stream().map(VideoChannelDraft::gbId).toList()))
                .hasSize(3000);
        for (VideoChannelDraft d : drafts) {
            Gb28181Id id = rules.check(d.gbId()).id().orElseThrow(() -> new AssertionError(d.gbId()));
            assertThat(id.type().frontEnd()).isTrue();
            GeoPoint p = d.location();
            assertThat(p.lon() > 116.8 && p.lat() > 39.8)
                    .as("outside points are dropped")
                    .isFalse();
            assertThat(id.centre().substring(6)).isEqualTo(p.lon() < 116.5 ? "03" : "12");
            assertThat(DEPARTMENTS.stream().map(DepartmentCode::value)).contains(d.department());
            assertThat(d.streamUrl()).startsWith("rtsp://media.synthetic.invalid/");
        }
    }

    @Test
    void theyAreLabelledSyntheticAndRepeatable() {
        List<VideoChannelDraft> a = SyntheticChannels.generate(42, 200, PLACER, DEPARTMENTS);
        assertThat(a).allSatisfy(d -> {
            assertThat(d.name()).startsWith("【合成】");
            assertThat(d.tags()).contains("synthetic");
        });
        assertThat(SyntheticChannels.generate(42, 200, PLACER, DEPARTMENTS)).isEqualTo(a);
        assertThat(SyntheticChannels.generate(43, 200, PLACER, DEPARTMENTS)).isNotEqualTo(a);
    }
}
