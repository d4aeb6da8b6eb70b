package org.cityos.spatial;

import java.util.List;
import java.util.Optional;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.GeoPoint;

/**
 * Where a point lies: the chain of divisions that contain it, from the district down to the grid.
 * A point outside the district is a normal answer ({@code inside == false}, empty path), not an error.
 */
public record Placement(GeoPoint point, boolean inside, List<PlacedDivision> path) {
    public Placement {
        path = List.copyOf(path);
    }

    public static Placement outside(GeoPoint point) {
        return new Placement(point, false, List.of());
    }

    public Optional<DivisionCode> at(DivisionLevel level) {
        return path.stream()
                .filter(d -> d.code().level() == level)
                .map(PlacedDivision::code)
                .findFirst();
    }

    public Optional<DivisionCode> town() {
        return at(DivisionLevel.TOWN);
    }

    public Optional<DivisionCode> community() {
        return at(DivisionLevel.COMMUNITY);
    }

    public Optional<DivisionCode> grid() {
        return at(DivisionLevel.GRID);
    }

    /** The smallest division containing the point (the grid, when grids exist there). */
    public Optional<DivisionCode> deepest() {
        return path.isEmpty()
                ? Optional.empty()
                : Optional.of(path.get(path.size() - 1).code());
    }

    /** One division of the path, with the name to show. */
    public record PlacedDivision(DivisionCode code, String name, DivisionKind kind, boolean synthetic) {}
}
