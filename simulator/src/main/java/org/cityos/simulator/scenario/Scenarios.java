package org.cityos.simulator.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The built-in scenarios shipped as resource files beside this class, and scenario files from disk. */
public final class Scenarios {
    /** The names of the built-in scenarios, each a {@code <name>.scenario} resource. */
    public static final List<String> BUILT_IN =
            List.of("rainstorm", "cold-snap", "gas-leak", "bus-off-route", "complaint-burst", "stops-signing");

    private Scenarios() {}

    /** A built-in scenario by name; an unknown name is an {@link IllegalArgumentException} listing the known. */
    public static Scenario builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException(
                    "no built-in scenario '" + name + "' (known: " + String.join(", ", BUILT_IN) + ")");
        }
        String file = name + ".scenario";
        try (InputStream in = Scenarios.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario " + file + " missing from the classpath");
            }
            return ScenarioParser.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario file from disk (UTF-8); errors name the file by its path. */
    public static Scenario read(Path file) throws IOException {
        return ScenarioParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
}
