package org.cityos.spatial;

import org.cityos.kernel.DivisionCode;

/** Rename a division or correct its kind; {@code expectedVersion} guards against lost updates. */
public record ChangeDivision(DivisionCode code, DivisionKind kind, String name, int expectedVersion) {}
