package org.cityos.casework;

/** The step of a trend: Beijing days, ISO weeks starting on Monday, or calendar months. */
public enum Granularity {
    DAY,
    WEEK,
    MONTH
}
