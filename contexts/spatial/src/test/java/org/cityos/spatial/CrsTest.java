package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cityos.kernel.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrsTest {

    /** Published pairs of the widely used coordtransform library, for the point (116.404, 39.915). */
    @ParameterizedTest
    @CsvSource({
        "WGS84_TO_GCJ02, 116.41024449916938, 39.91640428150164",
        "GCJ02_TO_WGS84, 116.39775550083061, 39.91359571849836",
        "GCJ02_TO_BD09, 116.41036949371029, 39.92133699351021",
        "BD09_TO_GCJ02, 116.39762729119315, 39.90865673957631"
    })
    void knownPointPairs(String conversion, double lon, double lat) {
        GeoPoint p = GeoPoint.of(116.404, 39.915);
        GeoPoint result = switch (conversion) {
            case "WGS84_TO_GCJ02" -> Crs.wgs84ToGcj02(p);
            case "GCJ02_TO_WGS84" -> oneStepInverse(p);
            case "GCJ02_TO_BD09" -> Crs.gcj02ToBd09(p);
            default -> Crs.bd09ToGcj02(p);
        };
        assertThat(result.lon()).isCloseTo(lon, within(1e-9));
        assertThat(result.lat()).isCloseTo(lat, within(1e-9));
    }

    /** The library's inverse is one step of p - delta(p); ours iterates, so compare its first step. */
    private static GeoPoint oneStepInverse(GeoPoint p) {
        GeoPoint forward = Crs.wgs84ToGcj02(p);
        return GeoPoint.of(2 * p.lon() - forward.lon(), 2 * p.lat() - forward.lat());
    }

    @Test
    void roundTripsStayWithinACentimetre() {
        GeoPoint daxing = GeoPoint.of(116.3412, 39.7267);
        for (Crs crs : Crs.values()) {
            GeoPoint back = crs.toWgs84(crs.fromWgs84(daxing));
            assertThat(back.distanceTo(daxing)).as(crs.name()).isLessThan(0.01);
        }
        assertThat(Crs.GCJ02.fromWgs84(daxing).distanceTo(daxing)).isBetween(100.0, 1000.0);
    }

    @Test
    void outsideChinaNothingIsOffset() {
        GeoPoint paris = GeoPoint.of(2.35, 48.85);
        assertThat(Crs.GCJ02.fromWgs84(paris)).isEqualTo(paris);
    }

    @Test
    void namesParse() {
        assertThat(Crs.parse("GCJ-02")).contains(Crs.GCJ02);
        assertThat(Crs.parse("bd09ll")).contains(Crs.BD09);
        assertThat(Crs.parse(null)).contains(Crs.WGS84);
        assertThat(Crs.parse("utm50")).isEmpty();
    }
}
