package org.cityos.spatial.internal.partition;

import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.DivisionKind;

/** A town's approximate seat, the site its synthetic cell grows around. */
public record Seat(DivisionCode code, String name, DivisionKind kind, GeoPoint point) {}
