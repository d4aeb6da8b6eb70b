package org.cityos.kernel;

/** The levels of the division tree, from the top; a grid is the smallest management cell. */
public enum DivisionLevel {
    PROVINCE,
    CITY,
    DISTRICT,
    TOWN,
    COMMUNITY,
    GRID
}
