package org.cityos.catalog.quality;

import java.util.List;
import java.util.Map;

/**
 * What one rule found in one run.
 *
 * @param checked rows or values judged; {@code failed} of them broke the rule
 * @param score share that passed, 1 when nothing was to judge
 * @param sample a few failing rows (row number and the rule's fields), personal values masked
 */
public record RuleResult(
        long ruleId,
        RuleKind kind,
        int checked,
        int failed,
        double score,
        boolean passed,
        List<Map<String, String>> sample) {}
