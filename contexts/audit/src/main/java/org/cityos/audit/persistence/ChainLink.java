package org.cityos.audit.persistence;

/** The end of the chain so far: the next record links to {@code hash} and gets {@code seq + 1}. */
public record ChainLink(long seq, byte[] hash) {}
