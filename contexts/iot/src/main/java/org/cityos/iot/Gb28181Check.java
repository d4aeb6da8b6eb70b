package org.cityos.iot;

import java.util.List;
import java.util.Optional;

/** The outcome of checking a GB/T 28181 id: its parts when valid, otherwise every part that is wrong. */
public record Gb28181Check(String input, Optional<Gb28181Id> id, List<Gb28181Issue> issues) {
    public Gb28181Check {
        issues = List.copyOf(issues);
        if (id.isPresent() != issues.isEmpty()) {
            throw new IllegalArgumentException("a check has either parts or issues");
        }
    }

    public boolean valid() {
        return id.isPresent();
    }
}
