package org.cityos.catalog.quality;

/** What a quality rule measures. */
public enum RuleKind {
    /** Share of rows whose field is not empty. */
    COMPLETENESS,
    /** Share of non-empty values matching a regular expression. */
    PATTERN,
    /** Share of non-empty values that are numbers within min..max. */
    RANGE,
    /** Share of non-empty values within a list of codes. */
    CODE_LIST,
    /** Share of rows whose field (or field set) value is not repeated. */
    UNIQUENESS,
    /** 1 when the data's last update is within the entry's update cycle, else 0. */
    TIMELINESS,
    /** Share of non-empty values found in another source's field. */
    CONSISTENCY
}
