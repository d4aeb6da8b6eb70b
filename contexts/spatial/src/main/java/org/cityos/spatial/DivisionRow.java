package org.cityos.spatial;

/** One row of a division file as read, before validation; kind may be the enum name or its Chinese label. */
public record DivisionRow(int row, String code, String name, String kind) {}
