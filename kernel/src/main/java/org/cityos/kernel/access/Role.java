package org.cityos.kernel.access;

import static org.cityos.kernel.access.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/** The roles of a district's people; each role is a fixed bundle of permissions. */
public enum Role {
    SYSTEM_ADMIN(EnumSet.allOf(Permission.class)),
    OPERATOR(EnumSet.of(
            DIVISION_READ,
            DEPARTMENT_READ,
            USER_READ,
            DEVICE_READ,
            ALARM_READ,
            ALARM_HANDLE,
            RULE_WRITE,
            CASE_READ,
            CASE_INTAKE,
            CASE_DISPATCH,
            CASE_VERIFY,
            CASE_SUPERVISE,
            CASE_CALLBACK,
            CASE_CONFIGURE,
            CASE_REPORT,
            CATALOG_READ)),
    DEPARTMENT_HANDLER(EnumSet.of(
            DIVISION_READ,
            DEPARTMENT_READ,
            DEVICE_READ,
            ALARM_READ,
            ALARM_HANDLE,
            CASE_READ,
            CASE_HANDLE,
            CATALOG_READ,
            DATA_SHARE_REQUEST)),
    TOWN_HANDLER(
            EnumSet.of(DIVISION_READ, DEPARTMENT_READ, DEVICE_READ, ALARM_READ, ALARM_HANDLE, CASE_READ, CASE_HANDLE)),
    COMMUNITY_HANDLER(
            EnumSet.of(DIVISION_READ, DEPARTMENT_READ, DEVICE_READ, ALARM_READ, ALARM_HANDLE, CASE_READ, CASE_HANDLE)),
    GRID_WORKER(EnumSet.of(DIVISION_READ, DEVICE_READ, ALARM_READ, CASE_READ, CASE_INTAKE, CASE_HANDLE, CASE_VERIFY)),
    DATA_STEWARD(EnumSet.of(
            DIVISION_READ,
            DIVISION_WRITE,
            DEPARTMENT_READ,
            DEPARTMENT_WRITE,
            DEVICE_READ,
            DEVICE_WRITE,
            CATALOG_READ,
            CATALOG_WRITE,
            DATA_SHARE_REQUEST,
            DATA_SHARE_DECIDE,
            BASEDATA_READ,
            BASEDATA_IMPORT)),
    AUDITOR(EnumSet.of(AUDIT_READ, AUDIT_VERIFY, EVENT_ADMIN, DIVISION_READ, DEPARTMENT_READ, USER_READ, CATALOG_READ)),
    LEADER(EnumSet.of(
            DIVISION_READ,
            DEPARTMENT_READ,
            DEVICE_READ,
            ALARM_READ,
            CASE_READ,
            CASE_SUPERVISE,
            CASE_REPORT,
            CATALOG_READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
