package org.cityos.catalog;

/** Where a sharing request stands: waiting for the provider, or decided one of three ways, or expired undecided. */
public enum ShareStatus {
    REQUESTED,
    /** Granted as asked. */
    APPROVED,
    /** Granted with fewer fields or a shorter period than asked. */
    NARROWED,
    REFUSED,
    /** Not decided by its due date: the workflow engine's deadline timer closed it. */
    EXPIRED
}
