package org.cityos.alerting.internal.notify;

/** What one attempt to send a notice came to: delivered, worth trying again, or failed for good. */
public record Outcome(Kind kind, String error) {
    public enum Kind {
        DELIVERED,
        RETRY,
        FAILED
    }

    public static Outcome delivered() {
        return new Outcome(Kind.DELIVERED, null);
    }

    public static Outcome retry(String error) {
        return new Outcome(Kind.RETRY, error);
    }

    public static Outcome failed(String error) {
        return new Outcome(Kind.FAILED, error);
    }

    /** A throwable as one line: its class, message and causes (short enough for a column). */
    public static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(t.getClass().getSimpleName() + ": " + t.getMessage());
        for (Throwable c = t.getCause(); c != null && c != t && text.length() < 500; c = c.getCause()) {
            text.append(" <- ")
                    .append(c.getClass().getSimpleName())
                    .append(": ")
                    .append(c.getMessage());
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
    }
}
