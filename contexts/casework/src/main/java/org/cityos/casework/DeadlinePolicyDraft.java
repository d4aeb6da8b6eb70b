package org.cityos.casework;

/**
 * A deadline policy as an administrator writes it: limits like {@code 2h} or {@code 15wd}, and the warning as a
 * fraction ({@code 0.2}) or a limit ({@code 4wh}); a blank warning means the default fraction 0.2.
 */
public record DeadlinePolicyDraft(String response, String resolution, String warnBefore) {}
