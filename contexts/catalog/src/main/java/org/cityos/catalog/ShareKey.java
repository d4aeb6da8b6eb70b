package org.cityos.catalog;

/** A freshly issued key of the data API: {@code key} is shown this once and stored only as a digest. */
public record ShareKey(String grantId, String key, String keyPrefix) {}
