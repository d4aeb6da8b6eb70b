package org.cityos.kernel.access;

/** Who stands behind a request: a person, a machine client with an API key, or CityOS itself. */
public enum ActorKind {
    USER,
    API_KEY,
    SYSTEM
}
