package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.spatial.internal.poi.PoiRules;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class SyntheticPoisTest {
    private static final Geometry OUTLINE = SyntheticPois.outline(SyntheticPois.DEFAULT_OUTLINE);

    @Test
    void sameSeedSameParksDifferentSeedDifferent() {
        assertThat(SyntheticPois.generate(42, 300, OUTLINE)).isEqualTo(SyntheticPois.generate(42, 300, OUTLINE));
        assertThat(SyntheticPois.generate(43, 300, OUTLINE)).isNotEqualTo(SyntheticPois.generate(42, 300, OUTLINE));
    }

    @Test
    void everyPoiIsInsideValidLabelledAndAllClassesAppear() {
        List<PoiDraft> drafts = SyntheticPois.generate(1, 5000, OUTLINE);
        GeometryFactory gf = new GeometryFactory();
        assertThat(drafts).hasSize(5000).allSatisfy(d -> {
            assertThat(OUTLINE.covers(gf.createPoint(
                            new Coordinate(d.location().lon(), d.location().lat()))))
                    .isTrue();
            assertThat(PoiRules.check(d)).isEmpty();
            assertThat(d.attributes()).isEqualTo(Map.of("synthetic", true));
            assertThat(d.externalId()).startsWith("syn-1-");
            assertThat(d.name()).matches(".*\\p{IsHan}.*");
        });
        Set<String> classes = drafts.stream().map(PoiDraft::classCode).collect(Collectors.toSet());
        assertThat(classes).hasSize(24);
        assertThat(drafts.stream().map(PoiDraft::externalId).distinct()).hasSize(5000);
    }
}
