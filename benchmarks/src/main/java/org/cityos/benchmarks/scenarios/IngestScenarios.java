package org.cityos.benchmarks.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.Cleanup;

/** The ingest throughput scenarios on one CityOS process and one set of enrolled devices: MQTT, then HTTP. */
public final class IngestScenarios {
    private IngestScenarios() {}

    /** Devices: 100 in tiny mode, 10,000 (the figure) in full. */
    static int devices(Mode mode) {
        return mode.isFull() ? 10_000 : 100;
    }

    public static List<Row> throughput(Mode mode, Path jar, Path work, BrokerAloneScenario.Measured brokers)
            throws Exception {
        IngestCity city = IngestCity.start(jar, work, "ingest", devices(mode), List.of());
        try {
            List<Row> rows = new ArrayList<>(IngestEndToEndScenario.run(mode, city, brokers));
            rows.addAll(HttpBatchScenario.run(mode, city));
            List<String> problems = city.app().problems();
            if (!problems.isEmpty()) {
                System.out.println("CityOS logged " + problems.size() + " WARN/ERROR lines under ingest load:");
                problems.stream().limit(20).forEach(l -> System.out.println("  " + l));
            }
            return rows;
        } finally {
            Cleanup.close(city.app());
        }
    }
}
