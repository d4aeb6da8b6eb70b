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
    /** See devices and the device inventory (within scope). */
    DEVICE_READ,
    /** Register and change devices and device types, issue device credentials, import devices. */
    DEVICE_WRITE,
    /** See alarms and their history, and subscribe to the alarm stream (within scope). */
    ALARM_READ,
    /** Acknowledge, clear and resolve alarms (within scope). */
    ALARM_HANDLE,
    /** Write monitoring rules, enable templates, run dry runs, manage notification channels. */
    RULE_WRITE,
    /** See personal data (ID numbers, phone numbers, names) unmasked; every use is audited. */
    PII_UNMASK
}
