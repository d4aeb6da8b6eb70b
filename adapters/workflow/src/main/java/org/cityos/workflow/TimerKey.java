package org.cityos.workflow;

/**
 * Names one timer; scheduling the same key again replaces it. {@code kind} selects the {@link TimerHandler} and is
 * namespaced by its owner ({@code casework.deadline}); {@code subject} is what the timer is about (a case id), and
 * {@code name} tells apart several timers of one subject ({@code response-warning}, {@code overdue}).
 */
public record TimerKey(String kind, String subject, String name) {
    private static final int MAX_LENGTH = 200;

    public TimerKey {
        require("kind", kind);
        require("subject", subject);
        require("name", name);
    }

    private static void require(String part, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("timer " + part + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("timer " + part + " is longer than " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return kind + "/" + subject + "/" + name;
    }
}
