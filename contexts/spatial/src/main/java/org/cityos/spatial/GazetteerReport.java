package org.cityos.spatial;

/** What seeding the gazetteer produced and how long it took. */
public record GazetteerReport(int roads, int addresses, long millis) {}
