package org.cityos.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** How figures, ratios and latency percentiles are written: three significant digits, no false precision. */
public final class Numbers {
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

    private Numbers() {}

    /** 12345.6 -> "12,346"; 123.45 -> "123"; 12.345 -> "12.3"; 0.012345 -> "0.0123"; NaN -> "—". */
    public static String figure(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "—";
        }
        if (Math.abs(value) >= 1000) {
            DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return grouped.format(Math.round(value));
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** 2.345 -> "2.35×"; missing -> "—". */
    public static String ratio(double value) {
        String f = figure(value);
        return "—".equals(f) ? f : f + "×";
    }

    /** Microseconds as milliseconds: 850 -> "0.85 ms", 12_345 -> "12.3 ms". */
    public static String millis(long micros) {
        return figure(micros / 1000.0) + " ms";
    }

    /** "p50 1.2 ms, p99 8.4 ms" for a histogram of microseconds. */
    public static String percentiles(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "no samples";
        }
        return "p50 " + millis(micros.getValueAtPercentile(50)) + ", p99 " + millis(micros.getValueAtPercentile(99));
    }

    /** "p50 1.2 ms, p95 4 ms, p99 8.4 ms" for a histogram of microseconds (where a p95 target applies). */
    public static String percentiles95(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "no samples";
        }
        return "p50 " + millis(micros.getValueAtPercentile(50)) + ", p95 " + millis(micros.getValueAtPercentile(95))
                + ", p99 " + millis(micros.getValueAtPercentile(99));
    }

    /** Seconds with the same rounding as figures: 1.23456 -> "1.23 s". */
    public static String seconds(double seconds) {
        return figure(seconds) + " s";
    }
}
