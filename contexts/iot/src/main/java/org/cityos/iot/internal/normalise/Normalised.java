package org.cityos.iot.internal.normalise;

import java.util.List;

/** The outcome of normalising one message: its readings, or the reason it could not be read. */
public sealed interface Normalised {

    /** Between 1 and {@link Normaliser#MAX_READINGS} readings, in the order the message gave them. */
    record Readings(List<NormalisedReading> readings) implements Normalised {
        public Readings {
            readings = List.copyOf(readings);
        }
    }

    /** A message that yields no trustworthy reading; {@code reason} is specific English for the dead-letter store. */
    record Undecodable(String reason) implements Normalised {}
}
