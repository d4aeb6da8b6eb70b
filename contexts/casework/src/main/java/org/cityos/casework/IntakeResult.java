package org.cityos.casework;

/**
 * What intake answers: the case, its number, the citizen's token for following it, whether this call created it
 * (false when the same external id came again), where it stands and the earlier case it likely repeats.
 */
public record IntakeResult(
        CaseId id, String number, String token, boolean created, CaseStatus status, String duplicateOf) {}
