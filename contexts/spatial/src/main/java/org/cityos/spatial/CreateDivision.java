package org.cityos.spatial;

import org.cityos.kernel.DivisionCode;

/** Add a division under an existing parent; the parent follows from the code. */
public record CreateDivision(DivisionCode code, DivisionKind kind, String name) {}
