package org.cityos.simulator.citizens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/** Rows drawn at random in proportion to their weights; read from the CSV resources of this package. */
final class WeightedTable<T> {
    private final List<T> rows;
    private final double[] cumulative;

    WeightedTable(List<T> rows, ToDoubleFunction<T> weight) {
        this.rows = List.copyOf(rows);
        this.cumulative = new double[rows.size()];
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            sum += weight.applyAsDouble(rows.get(i));
            cumulative[i] = sum;
        }
    }

    List<T> rows() {
        return rows;
    }

    T draw(RandomGenerator random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return rows.get(i);
            }
        }
        return rows.get(rows.size() - 1);
    }

    /** Reads a resource CSV (comment lines with #, one header line, no quoted commas) into rows. */
    static <T> List<T> readCsv(String resource, Function<String[], T> row) {
        try (InputStream in = WeightedTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            List<T> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(row.apply(line.split(",", -1)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
