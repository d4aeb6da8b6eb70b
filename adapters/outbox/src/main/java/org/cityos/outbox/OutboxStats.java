package org.cityos.outbox;

/**
 * How much event work is outstanding.
 *
 * @param pending deliveries waiting for their first or next attempt
 * @param parked deliveries that gave up and wait for an operator's retry
 * @param undeliveredEvents events not yet fanned out or with a delivery not yet delivered
 */
public record OutboxStats(long pending, long parked, long undeliveredEvents) {}
