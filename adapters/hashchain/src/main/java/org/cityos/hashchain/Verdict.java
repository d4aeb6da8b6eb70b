package org.cityos.hashchain;

/**
 * What a walk over a chain found. When broken, the fields locate the first break; the walk stops
 * there because nothing after it can be trusted by the chain alone.
 *
 * @param linksChecked entries found intact before the first break (all of them when intact)
 * @param checkpointsChecked checkpoints whose signature and hash both matched
 * @param brokenSeq chain position of the first break; null when intact
 * @param brokenLink the entry at (or just after) the break, when there is one
 * @param suspectFromSeq first position that may have been rewritten
 * @param suspectToSeq last position that may have been rewritten
 * @param lastCheckpointSeq newest checkpoint found genuine and matching (before the break, if any)
 */
public record Verdict<T>(
        boolean intact,
        long linksChecked,
        long checkpointsChecked,
        Long brokenSeq,
        T brokenLink,
        Break reason,
        Long suspectFromSeq,
        Long suspectToSeq,
        Long lastCheckpointSeq) {}
