package org.cityos.benchmarks.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The few samples the ingest scenarios read from CityOS's {@code /actuator/prometheus}: a summary's count, sum
 * and max (e.g. {@code cityos_ingest_batch_size}), summed over label sets. Two scrapes give a step's averages.
 */
public record PrometheusScrape(Map<String, Double> samples) {

    /** Parses the text exposition format; label sets of one series name are added up. */
    public static PrometheusScrape parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String series = line.substring(0, space);
            int brace = series.indexOf('{');
            String name = brace < 0 ? series : series.substring(0, brace);
            try {
                double value = Double.parseDouble(line.substring(space + 1).strip());
                samples.merge(name, value, name.endsWith("_max") ? Math::max : Double::sum);
            } catch (NumberFormatException e) {
                // Not a sample line (a timestamp suffix is not used by Micrometer): skip it.
            }
        }
        return new PrometheusScrape(Map.copyOf(samples));
    }

    public double value(String name) {
        return samples.getOrDefault(name, Double.NaN);
    }

    /** {@code name}'s mean over what happened between {@code before} and this scrape: Δsum / Δcount. */
    public double meanSince(PrometheusScrape before, String name) {
        double count = value(name + "_count") - before.value(name + "_count");
        double sum = value(name + "_sum") - before.value(name + "_sum");
        return count > 0 ? sum / count : Double.NaN;
    }

    /** How many observations {@code name} gained since {@code before}. */
    public double countSince(PrometheusScrape before, String name) {
        return value(name + "_count") - before.value(name + "_count");
    }
}
