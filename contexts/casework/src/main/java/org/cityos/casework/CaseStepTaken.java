package org.cityos.casework;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A case moved: one event per timeline step, in order per case, through the outbox. */
@EventType("casework.case-step-taken")
public record CaseStepTaken(CaseFacts facts, CaseStep step) implements DomainEvent {
    @Override
    public String key() {
        return facts.caseId().value();
    }
}
