package org.cityos.basedata;

/**
 * Why one row of a department file was skipped; the value itself is left out (it may be personal data).
 *
 * @param row the row's number in the file, the header being row 1
 */
public record RowIssue(int row, String field, String messageKey) {}
