package org.cityos.casework;

/** What a league table groups by: the unit answering for the case, the town it is in, or its top-level category. */
public enum RateDimension {
    UNIT,
    TOWN,
    CATEGORY
}
