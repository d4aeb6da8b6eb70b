package org.cityos.outbox;

/** What a retention purge removed. */
public record PurgeResult(int deliveries, int events) {}
