package org.cityos.iot;

import java.util.List;

/**
 * What is wrong with one part of a GB/T 28181 id.
 *
 * @param part {@code id} (the whole string), {@code centre}, {@code industry}, {@code type},
 *     {@code network} or {@code serial}
 * @param messageKey the reason, localised from the {@code iot-video} bundle with {@code args}
 */
public record Gb28181Issue(String part, String messageKey, List<String> args) {
    public Gb28181Issue {
        args = List.copyOf(args);
    }

    public static Gb28181Issue of(String part, String messageKey, String... args) {
        return new Gb28181Issue(part, messageKey, List.of(args));
    }
}
