package org.cityos.spatial.internal.poi;

import java.util.Optional;
import java.util.function.Function;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Placement.PlacedDivision;

/**
 * Assigns a POI its division (the smallest non-grid division containing it: community, else town,
 * else district) and its grid, from the place index. Empty when the point is outside every boundary.
 */
public final class PoiPlacer {
    private final Function<GeoPoint, Placement> locate;

    public PoiPlacer(Function<GeoPoint, Placement> locate) {
        this.locate = locate;
    }

    /** Where a POI belongs. */
    public record Assigned(DivisionCode division, DivisionCode grid) {}

    public Optional<Assigned> assign(GeoPoint wgs84) {
        Placement placement = locate.apply(wgs84);
        if (!placement.inside()) {
            return Optional.empty();
        }
        DivisionCode division = null;
        for (PlacedDivision d : placement.path()) {
            if (d.code().level() != DivisionLevel.GRID) {
                division = d.code();
            }
        }
        if (division == null) {
            return Optional.empty();
        }
        return Optional.of(new Assigned(division, placement.grid().orElse(null)));
    }
}
