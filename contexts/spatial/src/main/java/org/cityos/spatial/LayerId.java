package org.cityos.spatial;

import java.util.regex.Pattern;
import org.cityos.kernel.problem.InvalidInput;

/** A thematic layer's slug, e.g. {@code ecology-air-stations}; it appears in URLs, so it is kept plain. */
public record LayerId(String value) implements Comparable<LayerId> {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public LayerId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw InvalidInput.of("id", "problem.layer.invalid-id", String.valueOf(value));
        }
    }

    public static LayerId of(String value) {
        return new LayerId(value);
    }

    @Override
    public int compareTo(LayerId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
