package org.cityos.iot;

import java.util.function.Function;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Places;
import org.locationtech.jts.geom.Envelope;

/**
 * Where synthetic channels may go: a WGS84 box to draw points from and the point → place lookup that
 * keeps only points inside the district (and names the town for the id's grass-roots digits).
 */
public record VideoChannelPlacer(Envelope box, Function<GeoPoint, Placement> locate) {
    public VideoChannelPlacer {
        if (box == null || box.isNull() || locate == null) {
            throw new IllegalArgumentException("a placer needs a box and a locate function");
        }
    }

    /** The district's stored boundary box and the live place index. */
    public static VideoChannelPlacer of(Places places, DivisionCode district) {
        Envelope box = places.boundary(district)
                .map(g -> g.getEnvelopeInternal())
                .orElseThrow(() -> new IllegalStateException("no boundary stored for " + district));
        return new VideoChannelPlacer(box, places::locate);
    }
}
