package org.cityos.simulator.world;

/** Where devices of a type stand. */
public enum Placement {
    /** Along roads, a few metres off the centre line. */
    ROAD,
    /** At road vertices, where junctions are. */
    JUNCTION,
    /** At the lowest spots of the elevation field, where water gathers. */
    LOW_SPOT,
    /** Clustered in the villages of rural towns. */
    VILLAGE,
    /** Near the POIs of the type's site classes (falling back to towns when the geography has none). */
    SITE,
    /** Around town centres, denser near the centre. */
    TOWN,
    /** Spread evenly over the district. */
    SPREAD,
    /** On a vehicle route. */
    ROUTE
}
