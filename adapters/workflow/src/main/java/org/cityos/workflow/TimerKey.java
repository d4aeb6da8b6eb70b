package org.cityos.workflow;

/** PLACEHOLDER until the workflow branch lands. */
public record TimerKey(String kind, String subject, String name) {}
