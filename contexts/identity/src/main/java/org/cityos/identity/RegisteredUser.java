package org.cityos.identity;

/** A new user and, when CityOS generated it, the one-time password (shown once, never stored in clear). */
public record RegisteredUser(User user, String oneTimePassword) {}
