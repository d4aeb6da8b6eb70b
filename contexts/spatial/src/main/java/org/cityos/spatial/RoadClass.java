package org.cityos.spatial;

/** How important a road is: what the basemap draws first and how densely houses line it. */
public enum RoadClass {
    ARTERIAL,
    STREET,
    VILLAGE_ROAD
}
