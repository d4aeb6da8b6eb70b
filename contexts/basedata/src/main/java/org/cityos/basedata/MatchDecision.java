package org.cityos.basedata;

/**
 * Why two source records were (or, for a key conflict or a possible match, were not) taken for the same
 * person or organisation.
 *
 * @param rule the rule that decided: for people {@code exact-id}, {@code fuzzy}, or {@code id-conflict} (same
 *     ID number, names that do not agree: kept apart for a steward to look at); for organisations
 *     {@code exact-credit-code}, {@code exact-organisation-code}, {@code exact-registration-number},
 *     {@code key-conflict}, {@code fuzzy} and {@code possible} (scored between the thresholds, for a steward);
 *     for both {@code cannot-link} and {@code ambiguous} (a fuzzy match refused because of keys)
 * @param score 0..1; 1 for an exact key
 * @param explanation each piece of evidence and how it agreed, e.g. {@code name=homophone(zhang wei) address=same-standard-address birth=missing}
 * @param merged false for a conflict that was not merged
 */
public record MatchDecision(
        long sourceId, long otherSourceId, String rule, double score, String explanation, boolean merged) {}
