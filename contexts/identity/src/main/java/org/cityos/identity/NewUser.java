package org.cityos.identity;

/** Register a user; with no password a one-time password is generated and must be changed at first sign-in. */
public record NewUser(String username, String displayName, String phone, String email, String password, Scope scope) {}
