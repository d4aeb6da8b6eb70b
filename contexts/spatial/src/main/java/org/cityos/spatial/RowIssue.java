package org.cityos.spatial;

/** Why one row of an imported file was not applied. {@code row} counts from 1 after the header. */
public record RowIssue(int row, String code, String field, String messageKey, Object... args) {}
