package org.cityos.kernel.problem;

/** One field of a request that is wrong, with a message key and its arguments. */
public record FieldIssue(String field, String messageKey, Object... args) {}
