package org.cityos.benchmarks;

/**
 * One line of the results table: a figure and the baseline it is compared with, measured in the same run.
 *
 * @param scenario what was measured
 * @param figure the measured value (NaN when the scenario crashed)
 * @param unit unit of {@code figure}
 * @param baseline what the figure is compared with, including its unit when it differs
 * @param baselineFigure the baseline's value in the same run (NaN when none)
 * @param notes latency percentiles, errors and other context
 */
public record Row(String scenario, double figure, String unit, String baseline, double baselineFigure, String notes) {

    /** figure / baseline; NaN when either is missing or the baseline is zero. */
    public double ratio() {
        if (Double.isNaN(figure) || Double.isNaN(baselineFigure) || baselineFigure == 0) {
            return Double.NaN;
        }
        return figure / baselineFigure;
    }

    /** A row that says the scenario did not finish, and why. */
    public static Row crashed(String scenario, Throwable cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Row(
                scenario,
                Double.NaN,
                "",
                "",
                Double.NaN,
                "CRASHED: " + why.lines().findFirst().orElse(""));
    }

    public boolean isCrash() {
        return notes.startsWith("CRASHED");
    }
}
