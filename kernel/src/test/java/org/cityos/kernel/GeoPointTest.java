package org.cityos.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.Test;

class GeoPointTest {
    @Test
    void refusesCoordinatesOutOfRange() {
        assertThatThrownBy(() -> GeoPoint.of(181, 39)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> GeoPoint.of(116, -91)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> GeoPoint.of(Double.NaN, 39)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void distanceIsInMetres() {
        // one degree of latitude is about 111.2 km
        assertThat(GeoPoint.of(116.3, 39.7).distanceTo(GeoPoint.of(116.3, 40.7)))
                .isCloseTo(111_195, within(50.0));
        assertThat(GeoPoint.of(116.3, 39.7).distanceTo(GeoPoint.of(116.3, 39.7)))
                .isZero();
    }
}
