package org.cityos.simulator.behaviour;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.cityos.simulator.world.DeviceCatalogue;

/** The seed catalogue of 36 types, as GET /api/device-types answers it (a copy of contexts/iot reference data). */
public final class Catalogue {
    private Catalogue() {}

    public static DeviceCatalogue seed() {
        try (InputStream in = Catalogue.class.getResourceAsStream("/device-types.json")) {
            return DeviceCatalogue.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
