package org.cityos.spatial.internal.poi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Placement.PlacedDivision;
import org.junit.jupiter.api.Test;

class PoiPlacerTest {
    private static final GeoPoint AT = new GeoPoint(116.3, 39.7);

    @Test
    void divisionIsTheDeepestNonGridAndGridIsKeptApart() {
        var placer = new PoiPlacer(p -> new Placement(
                p,
                true,
                List.of(
                        placed("110115000000", DivisionKind.DISTRICT),
                        placed("110115001000", DivisionKind.TOWN),
                        placed("110115001001", DivisionKind.COMMUNITY),
                        placed("110115001001007", DivisionKind.GRID))));
        var at = placer.assign(AT).orElseThrow();
        assertThat(at.division()).isEqualTo(DivisionCode.of("110115001001"));
        assertThat(at.grid()).isEqualTo(DivisionCode.of("110115001001007"));
    }

    @Test
    void aDistrictWithoutTownsStillPlacesAndOutsideDoesNot() {
        var districtOnly =
                new PoiPlacer(p -> new Placement(p, true, List.of(placed("110115000000", DivisionKind.DISTRICT))));
        assertThat(districtOnly.assign(AT).orElseThrow().division()).isEqualTo(DivisionCode.of("110115000000"));
        assertThat(new PoiPlacer(Placement::outside).assign(AT)).isEmpty();
    }

    private static PlacedDivision placed(String code, DivisionKind kind) {
        return new PlacedDivision(DivisionCode.of(code), code, kind, true);
    }
}
