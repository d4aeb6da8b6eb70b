package org.cityos.alerting;

import java.util.List;

/**
 * A ready-made rule for one of the district's scenarios. {@code needs} names the fields the user must fill before
 * enabling (e.g. a bus route's corridor polygon).
 */
public record RuleTemplate(
        String code, String nameZh, String nameEn, String scenario, List<String> needs, RuleDraft draft) {}
