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
    PII_UNMASK,
    /** See cases within scope: a unit its own, a town or community those in its divisions. */
    CASE_READ,
    /** Register cases: hotline calls, grid reports, operator entry. */
    CASE_INTAKE,
    /** Dispatch and re-dispatch cases, answer consultations at intake, merge and split, decide extensions. */
    CASE_DISPATCH,
    /** Work a unit's cases: sign, return, pass down, involve co-handlers, reply, ask for extension, appeal. */
    CASE_HANDLE,
    /** Verify replies (follow-up calls, on-site checks), close and reopen cases. */
    CASE_VERIFY,
    /** Supervise overdue or sensitive cases (督办) and decide appeals (申诉). */
    CASE_SUPERVISE,
    /** See a caller's phone number for a follow-up call; every use is audited. */
    CASE_CALLBACK,
    /** Configure categories, dispatch rules, deadlines, the working-day calendar and intake policies. */
    CASE_CONFIGURE,
    /** See rates (三率), league tables, hot spots and the daily report. */
    CASE_REPORT,
    /** See the data resource catalogue, its versions and quality scorecards, and verify the catalogue ledger. */
    CATALOG_READ,
    /** Register, edit, import and retire catalogue entries of one's departments; define quality rules and themes. */
    CATALOG_WRITE,
    /** Ask for another department's data resource on behalf of one's own department. */
    DATA_SHARE_REQUEST,
    /** Decide (approve, narrow, refuse) and revoke sharing of one's own departments' resources. */
    DATA_SHARE_DECIDE,
    /** See population and legal-entity base records (personal fields masked unless PII_UNMASK too). */
    BASEDATA_READ,
    /** Import department files into the base databases and resolve their matches. */
    BASEDATA_IMPORT
}
