package org.cityos.catalog.quality;

import java.util.List;

/**
 * A validated rule of one resource. Only the parameters of its kind are set: {@code fields} (one, or several
 * for uniqueness; empty for timeliness measured by import time), {@code pattern}, {@code min}/{@code max},
 * {@code codes}, {@code otherSource}/{@code otherField}.
 *
 * @param threshold the least score (0–1) at which the rule passes
 * @param weight the rule's share in the resource's score
 */
public record QualityRule(
        long id,
        String entryCode,
        RuleKind kind,
        List<String> fields,
        String pattern,
        Double min,
        Double max,
        List<String> codes,
        String otherSource,
        String otherField,
        double threshold,
        double weight) {

    public QualityRule {
        fields = fields == null ? List.of() : List.copyOf(fields);
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    QualityRule withId(long newId) {
        return new QualityRule(
                newId, entryCode, kind, fields, pattern, min, max, codes, otherSource, otherField, threshold, weight);
    }
}
