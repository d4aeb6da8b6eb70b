package org.cityos.identity;

import java.time.Instant;

/** A successful sign-in: the session token (shown once) and when it expires. */
public record SignedIn(String token, Instant expiresAt, User user) {}
