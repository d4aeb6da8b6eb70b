package org.cityos.workflow;

import java.time.Instant;
import java.util.Map;

/** PLACEHOLDER until the workflow branch lands. */
public record FiredTimer(TimerKey key, Instant dueAt, Instant firedAt, Map<String, String> data) {}
