package org.cityos.casework;

/**
 * Casework's own rule for turning another context's event into a case: for events of {@code source} whose
 * {@code matchKey} attribute equals {@code matchValue} ({@code *} for any), make a case of this category and urgency
 * when the event is at least {@code minSeverity} (null: any). The most specific matching policy wins
 * (a rule over a template over a kind over {@code *}).
 */
public record IntakePolicy(
        long id,
        String source,
        String matchKey,
        String matchValue,
        String categoryCode,
        Urgency urgency,
        String minSeverity,
        boolean enabled,
        int version) {}
