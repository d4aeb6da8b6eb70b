package org.cityos.simulator.world;

/**
 * A line vehicles drive, back and forth along roads; buses stop every {@code stopSpacingMetres}, taxis do not.
 *
 * @param lineCode what a bus reports as its line (e.g. SIM-L07)
 */
public record Route(String id, String lineCode, Polyline path, double stopSpacingMetres) {}
