package org.cityos.kernel.access;

/** What an actor may do; roles bundle permissions, scopes limit where. */
public enum Permission {
    DIVISION_READ,
    DIVISION_WRITE,
    DEPARTMENT_READ,
    DEPARTMENT_WRITE,
    USER_READ,
    USER_WRITE,
    API_KEY_MANAGE,
    AUDIT_READ,
    AUDIT_VERIFY,
    EVENT_ADMIN,
    /** See personal data (ID numbers, phone numbers, names) unmasked; every use is audited. */
    PII_UNMASK
}
