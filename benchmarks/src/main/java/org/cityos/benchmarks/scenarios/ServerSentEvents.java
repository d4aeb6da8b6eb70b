package org.cityos.benchmarks.scenarios;

import java.util.Optional;

/**
 * Reads a {@code text/event-stream} line by line: {@code event:}, {@code id:} and {@code data:} fields gather
 * until a blank line completes the event; comment lines ({@code :heartbeat}) and unknown fields are skipped, as
 * the SSE specification says. Not thread-safe: one per stream.
 */
final class ServerSentEvents {
    /** A completed event; {@code name} is {@code message} when the server named none. */
    record Event(String name, String id, String data) {}

    private String name;
    private String id;
    private StringBuilder data;

    /** Takes the next line (without its line break); answers the event it completed, if any. */
    Optional<Event> line(String line) {
        if (line.isEmpty()) {
            if (data == null) {
                name = null;
                return Optional.empty();
            }
            Event event = new Event(name == null ? "message" : name, id, data.toString());
            name = null;
            data = null;
            return Optional.of(event);
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "id" -> id = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // retry: and unknown fields change nothing we measure
            }
        }
        return Optional.empty();
    }
}
