package org.cityos.casework;

/**
 * One line of a league table (or one step of a trend): the counts behind the three rates, the rates as fractions
 * (0.9 = 90%, null when nothing to divide by under {@link RateFormula.EmptyRate#REWEIGHT}), the composite and the rank
 * by composite (1 = best; equal composites share a rank; null in trends).
 *
 * @param key the unit ({@code dept:CGW}), town code, top-level category code, or the first day of a trend step;
 *     null for cases without one (no town, no category)
 * @param label a human name for the key when one is known
 */
public record RateRow(
        String key,
        String label,
        long dispatched,
        long signedInTime,
        long followedUp,
        long solved,
        long rated,
        long satisfied,
        long basicallySatisfied,
        Double responseRate,
        Double resolutionRate,
        Double satisfactionRate,
        Double composite,
        Integer rank) {

    /** The rates of the counted cases under {@code formula}, not yet ranked. */
    public static RateRow of(
            String key,
            String label,
            long dispatched,
            long signedInTime,
            long followedUp,
            long solved,
            long rated,
            long satisfied,
            long basicallySatisfied,
            RateFormula formula) {
        Double response = formula.responseRate(dispatched, signedInTime);
        Double resolution = formula.resolutionRate(followedUp, solved);
        Double satisfaction = formula.satisfactionRate(rated, satisfied, basicallySatisfied);
        return new RateRow(
                key,
                label,
                dispatched,
                signedInTime,
                followedUp,
                solved,
                rated,
                satisfied,
                basicallySatisfied,
                response,
                resolution,
                satisfaction,
                formula.composite(response, resolution, satisfaction),
                null);
    }

    public RateRow withRank(Integer rank) {
        return new RateRow(
                key,
                label,
                dispatched,
                signedInTime,
                followedUp,
                solved,
                rated,
                satisfied,
                basicallySatisfied,
                responseRate,
                resolutionRate,
                satisfactionRate,
                composite,
                rank);
    }

    public RateRow withLabel(String label) {
        return new RateRow(
                key,
                label,
                dispatched,
                signedInTime,
                followedUp,
                solved,
                rated,
                satisfied,
                basicallySatisfied,
                responseRate,
                resolutionRate,
                satisfactionRate,
                composite,
                rank);
    }
}
