package org.cityos.kernel.event;

/**
 * A fact that happened in a context, named in the past tense ({@code DivisionRenamed}). Events are
 * records; {@link #key()} names the aggregate (device id, case id) so that a partitioned bus keeps
 * one aggregate's events in order.
 */
public interface DomainEvent {
    String key();
}
