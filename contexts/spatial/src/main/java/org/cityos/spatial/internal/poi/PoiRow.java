package org.cityos.spatial.internal.poi;

import java.util.List;
import java.util.Map;
import org.cityos.kernel.problem.FieldIssue;

/**
 * One data row of an import file as read, before any checks: known fields by their canonical name
 * (see {@link PoiColumns}), other columns as extra attributes, and problems the reader already saw
 * (a wrong column count, a feature that is not a point). {@code row} counts from 1 after the header.
 */
public record PoiRow(int row, Map<String, String> fields, Map<String, Object> extra, List<FieldIssue> readIssues) {
    public PoiRow {
        readIssues = List.copyOf(readIssues);
    }

    public String get(String field) {
        String v = fields.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
