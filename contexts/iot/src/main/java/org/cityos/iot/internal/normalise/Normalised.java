package org.cityos.iot.internal.normalise;

import java.util.List;

/** STUB until the normalise branch merges. */
public sealed interface Normalised {
    record Readings(List<NormalisedReading> readings) implements Normalised {}

    record Undecodable(String reason) implements Normalised {}
}
