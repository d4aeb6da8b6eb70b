package org.cityos.spatial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Placement.PlacedDivision;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class PlaceIndexTest {
    private static final GeometryFactory G = new GeometryFactory();
    private final PlaceIndex index = new PlaceIndex(List.of(
            entry("110115000000", DivisionKind.DISTRICT, 116.0, 39.0, 117.0, 40.0),
            entry("110115001000", DivisionKind.SUBDISTRICT, 116.0, 39.0, 116.5, 40.0),
            entry("110115002000", DivisionKind.TOWN, 116.5, 39.0, 117.0, 40.0),
            entry("110115001001", DivisionKind.COMMUNITY, 116.0, 39.0, 116.5, 39.5),
            entry("110115001001001", DivisionKind.GRID, 116.0, 39.0, 116.25, 39.5)));

    @Test
    void aPointGetsItsWholeChainDownToTheGrid() {
        Placement p = index.locate(GeoPoint.of(116.1, 39.2));
        assertThat(p.inside()).isTrue();
        assertThat(p.path())
                .extracting(d -> d.code().value())
                .containsExactly("110115000000", "110115001000", "110115001001", "110115001001001");
        assertThat(p.grid()).contains(DivisionCode.of("110115001001001"));
    }

    @Test
    void aPointOnASharedBorderGetsOneNestedChain() {
        Placement p = index.locate(GeoPoint.of(116.5, 39.7));
        assertThat(p.path()).extracting(d -> d.code().value()).containsExactly("110115000000", "110115001000");
    }

    @Test
    void outsideIsAnAnswer() {
        Placement p = index.locate(GeoPoint.of(118, 39.5));
        assertThat(p.inside()).isFalse();
        assertThat(p.deepest()).isEmpty();
    }

    @Test
    void concurrentLookupsAgree() {
        List<String> parallel =
                IntStream.range(0, 4000).parallel().mapToObj(i -> town(i)).toList();
        List<String> sequential =
                IntStream.range(0, 4000).mapToObj(i -> town(i)).toList();
        assertThat(parallel).isEqualTo(sequential);
        // 4000 = 40 x 98 + 80: lon 116.01..116.50 (50 of every 98, the border to the lower code) lie in 110115001000
        assertThat(sequential.stream().filter(t -> t.equals("110115001000")).count())
                .isEqualTo(40 * 50 + 50);
    }

    private String town(int i) {
        return index.locate(GeoPoint.of(116.01 + (i % 98) / 100.0, 39.5))
                .town()
                .orElseThrow()
                .value();
    }

    private static PlaceIndex.Entry entry(String code, DivisionKind kind, double x1, double y1, double x2, double y2) {
        return new PlaceIndex.Entry(
                new PlacedDivision(DivisionCode.of(code), code, kind, true),
                G.toGeometry(new Envelope(x1, x2, y1, y2)));
    }
}
