package org.cityos.casework;

/** Where an open case is, for the cockpit's heat map and points: no title, no caller, nothing personal. */
public record CaseLocation(String id, double lon, double lat, Urgency urgency, boolean overdue) {}
