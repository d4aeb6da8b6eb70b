package org.cityos.catalog;

/** A source on the platform's allow-list: a view created by a migration that a resource can be served from. */
public record ShareSource(String name, String description) {}
