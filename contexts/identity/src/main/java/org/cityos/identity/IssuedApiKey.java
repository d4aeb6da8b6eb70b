package org.cityos.identity;

/** A freshly created API key with its secret, shown once. */
public record IssuedApiKey(ApiKey key, String secret) {}
