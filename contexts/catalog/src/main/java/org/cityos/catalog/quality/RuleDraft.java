package org.cityos.catalog.quality;

import java.util.List;

/** A rule as a steward submits it; {@link RuleValidation} names every wrong field. */
public record RuleDraft(
        String kind,
        List<String> fields,
        String pattern,
        Double min,
        Double max,
        List<String> codes,
        String otherSource,
        String otherField,
        Double threshold,
        Double weight) {}
