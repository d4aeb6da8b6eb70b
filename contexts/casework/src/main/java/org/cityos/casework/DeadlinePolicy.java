package org.cityos.casework;

/**
 * How long cases of a category prefix and urgency may take to be answered (response: first contact with the
 * caller) and to be resolved, and when to warn before each; the most specific prefix wins, {@code ""} is the
 * default for every category. {@code version} guards concurrent changes.
 */
public record DeadlinePolicy(
        String categoryPrefix,
        Urgency urgency,
        TimeLimit response,
        TimeLimit resolution,
        WarnBefore warnBefore,
        int version) {

    public DeadlinePolicy {
        if (categoryPrefix == null || urgency == null || response == null || resolution == null) {
            throw new IllegalArgumentException("a deadline policy names its prefix, urgency and both limits");
        }
        warnBefore = warnBefore == null ? WarnBefore.DEFAULT : warnBefore;
    }

    /** True when this policy applies to the category (the default policy applies to all, even to none). */
    public boolean covers(String categoryCode) {
        return categoryPrefix.isEmpty() || (categoryCode != null && categoryCode.startsWith(categoryPrefix));
    }
}
