package org.cityos.alerting;

/**
 * Where an alarm stands. RAISED and ACKNOWLEDGED are open (the rule's finding holds or nobody closed it); CLEARED
 * means the condition went back to normal (by itself or by an operator); RESOLVED means an operator closed it.
 * Only one open alarm exists per rule and subject.
 */
public enum AlarmStatus {
    RAISED,
    ACKNOWLEDGED,
    CLEARED,
    RESOLVED;

    public boolean open() {
        return this == RAISED || this == ACKNOWLEDGED;
    }
}
