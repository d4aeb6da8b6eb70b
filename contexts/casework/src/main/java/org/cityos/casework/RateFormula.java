package org.cityos.casework;

/**
 * How the three rates (三率) and the composite score are computed from counted cases; every case counts by the day
 * it was dispatched (派遣日期) and cases excluded after an upheld appeal count nowhere.
 *
 * <ul>
 *   <li>response rate (响应率) = cases signed on or before their response deadline ÷ cases dispatched;
 *   <li>resolution rate (解决率) = cases the citizen called "solved" ÷ cases followed up (an answer was recorded);
 *   <li>satisfaction rate (满意率) = (满意 + {@code basicallySatisfiedWeight} × 基本满意) ÷ cases rated;
 *   <li>composite (综合得分) = the weighted mean of the three.
 * </ul>
 *
 * <p>A rate whose denominator is zero says nothing about the unit, so by default ({@link EmptyRate#REWEIGHT}) it is
 * null and the composite is the weighted mean of the rates that exist, the weights scaled up to sum to one; a unit
 * with no rate at all has no composite and ranks last. {@link EmptyRate#FULL} instead counts an empty rate as 100%,
 * as some districts' assessment rules do.
 *
 * @param responseWeight weight of the response rate in the composite (default 0.10)
 * @param resolutionWeight weight of the resolution rate (default 0.45)
 * @param satisfactionWeight weight of the satisfaction rate (default 0.45)
 * @param basicallySatisfiedWeight how much a 基本满意 counts towards satisfaction (default 0.8)
 * @param emptyRate what a rate without denominator becomes
 * @param topCategoryLength how many leading characters of a category code name its top-level category (default 2)
 */
public record RateFormula(
        double responseWeight,
        double resolutionWeight,
        double satisfactionWeight,
        double basicallySatisfiedWeight,
        EmptyRate emptyRate,
        int topCategoryLength) {

    /** What a rate with no cases in its denominator becomes. */
    public enum EmptyRate {
        /** No rate (null); the composite is re-weighted over the rates that exist. */
        REWEIGHT,
        /** Counted as 100%. */
        FULL
    }

    public RateFormula {
        if (responseWeight < 0 || resolutionWeight < 0 || satisfactionWeight < 0) {
            throw new IllegalArgumentException("rate weights must not be negative");
        }
        if (responseWeight + resolutionWeight + satisfactionWeight <= 0) {
            throw new IllegalArgumentException("at least one rate weight must be positive");
        }
        if (basicallySatisfiedWeight < 0 || basicallySatisfiedWeight > 1) {
            throw new IllegalArgumentException("basically-satisfied weight must lie in [0, 1]");
        }
        if (topCategoryLength < 1 || topCategoryLength > 20) {
            throw new IllegalArgumentException("top category length must lie in [1, 20]");
        }
        emptyRate = emptyRate == null ? EmptyRate.REWEIGHT : emptyRate;
    }

    /** The defaults documented above (10% / 45% / 45%, 基本满意 = 0.8, re-weighting, two-character top level). */
    public static RateFormula defaults() {
        return new RateFormula(0.10, 0.45, 0.45, 0.8, EmptyRate.REWEIGHT, 2);
    }

    public Double responseRate(long dispatched, long signedInTime) {
        return ratio(signedInTime, dispatched);
    }

    public Double resolutionRate(long followedUp, long solved) {
        return ratio(solved, followedUp);
    }

    public Double satisfactionRate(long rated, long satisfied, long basicallySatisfied) {
        return ratio(satisfied + basicallySatisfiedWeight * basicallySatisfied, rated);
    }

    /** The weighted mean of the rates present, or null when none is. */
    public Double composite(Double response, Double resolution, Double satisfaction) {
        double sum = 0;
        double weights = 0;
        if (response != null) {
            sum += responseWeight * response;
            weights += responseWeight;
        }
        if (resolution != null) {
            sum += resolutionWeight * resolution;
            weights += resolutionWeight;
        }
        if (satisfaction != null) {
            sum += satisfactionWeight * satisfaction;
            weights += satisfactionWeight;
        }
        return weights == 0 ? null : sum / weights;
    }

    private Double ratio(double numerator, long denominator) {
        if (denominator == 0) {
            return emptyRate == EmptyRate.FULL ? 1.0 : null;
        }
        return numerator / denominator;
    }
}
