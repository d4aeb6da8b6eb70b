package org.cityos.spatial.internal.partition;

import org.cityos.kernel.DivisionCode;
import org.cityos.spatial.DivisionKind;
import org.locationtech.jts.geom.Geometry;

/** One generated division with its boundary. */
public record Cell(DivisionCode code, DivisionCode parent, DivisionKind kind, String name, Geometry geometry) {}
