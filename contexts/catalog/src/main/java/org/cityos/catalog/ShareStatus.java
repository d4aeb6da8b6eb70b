package org.cityos.catalog;

/** Where a sharing request stands: waiting for the provider, or decided one of three ways. */
public enum ShareStatus {
    REQUESTED,
    /** Granted as asked. */
    APPROVED,
    /** Granted with fewer fields or a shorter period than asked. */
    NARROWED,
    REFUSED
}
