package org.cityos.identity;

import java.util.UUID;
import org.cityos.kernel.problem.InvalidInput;

/** A user's id; random, never reused, encodes nothing. */
public record UserId(UUID value) {
    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId parse(String value) {
        try {
            return new UserId(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInput.of("id", "problem.invalid-user-id", String.valueOf(value));
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
