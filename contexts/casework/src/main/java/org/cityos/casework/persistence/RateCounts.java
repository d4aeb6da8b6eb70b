package org.cityos.casework.persistence;

/** The counts behind one group's rates, as one GROUP BY row returns them. */
public record RateCounts(
        String key,
        long dispatched,
        long signedInTime,
        long followedUp,
        long solved,
        long rated,
        long satisfied,
        long basicallySatisfied) {}
