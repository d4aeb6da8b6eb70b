package org.cityos.identity;

/** Change a user's details, scope or enabled state; {@code expectedVersion} guards against lost updates. */
public record ChangeUser(
        UserId id, String displayName, String phone, String email, Scope scope, boolean enabled, int expectedVersion) {}
