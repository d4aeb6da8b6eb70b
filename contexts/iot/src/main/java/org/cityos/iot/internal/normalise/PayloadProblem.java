package org.cityos.iot.internal.normalise;

/**
 * Why a message cannot be read; thrown inside the normaliser and turned into {@link Normalised.Undecodable}.
 * It carries no stack trace: bad payloads are routine input, not bugs, and arrive by the thousand.
 */
final class PayloadProblem extends RuntimeException {
    PayloadProblem(String reason) {
        super(reason, null, false, false);
    }

    /** A value as the message wrote it, shortened so that a reason stays one readable line. */
    static String quote(Object value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
