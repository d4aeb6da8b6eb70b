package org.cityos.benchmarks.scenarios;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.simulator.CityLife;
import org.cityos.simulator.connect.Reporter;

/** The two rows of the live-district hour: the rate kept with its errors, and the memory trend. */
final class LiveDistrictReport {
    /** Growth of the heap after a full GC over the window that still counts as flat (noise of the collections). */
    static final double FLAT = 0.10;

    private LiveDistrictReport() {}

    record Run(
            LiveDistrictScenario.Plan plan,
            int devices,
            double loadSeconds,
            double seconds,
            Reporter.Stats simBefore,
            Reporter.Stats sim,
            CityLife.Stats lifeBefore,
            CityLife.Stats life,
            LiveDistrictScenario.Metrics before,
            LiveDistrictScenario.Metrics after,
            double minRate,
            long errorLines,
            List<ProcessVitals> vitals,
            List<Double> minutes) {}

    static List<Row> rows(Run r) {
        String scale = r.plan().scale().name().toLowerCase(Locale.ROOT);
        String length = Numbers.figure(r.seconds() / 60) + " min";
        double acked = (r.sim().acknowledged() - r.simBefore().acknowledged()) / r.seconds();
        long failed = r.sim().failed() - r.simBefore().failed();
        double serverErrors = r.after().serverErrors() - r.before().serverErrors();
        long failedTicks = r.life().failedTicks() - r.lifeBefore().failedTicks();
        boolean clean = failed == 0 && serverErrors == 0 && failedTicks == 0 && r.errorLines() == 0;
        String rateNotes = String.format(
                Locale.ROOT,
                "%s district, %s devices (loaded through the API with credentials in %s), up to %s MQTT connections"
                        + " and the rest through gateways, speed ×%s (simulated seconds per second); in the window: %s reports sent, %s acknowledged,"
                        + " %d failed%s; slowest sample %s reports/s; CityOS counted %s ingest messages/s; HTTP 5xx %s;"
                        + " ERROR lines in the CityOS log %d (whole run); people: %s requests filed (%s a day),"
                        + " %s grid reports, %s handler actions, %s on-site checks by grid workers, %s cases closed"
                        + " after follow-up or check, %s calls refused (a case no longer in the state a bot saw),"
                        + " %d failed ticks; seed's rate for %s without errors: %s",
                scale,
                Numbers.figure(r.devices()),
                Numbers.seconds(r.loadSeconds()),
                Numbers.figure(r.plan().maxConnections()),
                Numbers.figure(r.plan().speed()),
                Numbers.figure(r.sim().sent() - r.simBefore().sent()),
                Numbers.figure(r.sim().acknowledged() - r.simBefore().acknowledged()),
                failed,
                r.sim().lastError() == null ? "" : " (last: " + r.sim().lastError() + ")",
                Numbers.figure(r.minRate()),
                Numbers.figure((r.after().ingested() - r.before().ingested()) / r.seconds()),
                Numbers.figure(serverErrors),
                r.errorLines(),
                Numbers.figure(r.life().filed() - r.lifeBefore().filed()),
                Numbers.figure(r.plan().requestsPerDay()),
                Numbers.figure(r.life().gridReports() - r.lifeBefore().gridReports()),
                Numbers.figure(r.life().handlerActions() - r.lifeBefore().handlerActions()),
                Numbers.figure(r.life().onSiteChecks() - r.lifeBefore().onSiteChecks()),
                Numbers.figure(r.life().closed() - r.lifeBefore().closed()),
                Numbers.figure(r.life().refused() - r.lifeBefore().refused()),
                failedTicks,
                length,
                verdict(r, acked, clean));
        Row rate = new Row(
                "live district (issue 8): device reports acknowledged per second, kept " + length + " (" + scale + ")",
                acked,
                "reports/s",
                "the seed's reporting rate (reports/s)",
                LiveDistrictScenario.SEED_RATE,
                rateNotes);
        return List.of(rate, memory(r, length, scale));
    }

    private static String verdict(Run r, double acked, boolean clean) {
        if (r.plan().scale() != org.cityos.simulator.world.Scale.FULL) {
            return clean ? "no errors (small district: the rate goal applies to the full one)" : "ERRORS";
        }
        return acked >= LiveDistrictScenario.SEED_RATE && clean ? "MET" : clean ? "MISSED (rate)" : "MISSED (errors)";
    }

    private static Row memory(Run r, String length, String scale) {
        List<ProcessVitals> v = r.vitals();
        List<Double> heap =
                v.stream().map(x -> x.heapAfterGcBytes() / 1_048_576.0).toList();
        ProcessVitals first = v.get(0);
        ProcessVitals last = v.get(v.size() - 1);
        double slope = slopePerHour(r.minutes(), heap);
        int third = Math.max(1, heap.size() / 3);
        double early = median(heap.subList(0, third));
        double late = median(heap.subList(heap.size() - third, heap.size()));
        boolean flat = late <= early * (1 + FLAT);
        String series = IntStream.range(0, v.size())
                .mapToObj(i -> Numbers.figure(r.minutes().get(i)) + " min " + Numbers.figure(heap.get(i)))
                .collect(Collectors.joining(", "));
        String notes = String.format(
                Locale.ROOT,
                "lower or equal is better; live heap (total of jcmd GC.class_histogram, counted inside its full GC), median of the last"
                        + " third of the samples against the median of the first third (one sample can catch work in"
                        + " flight: largest %s MB); least-squares trend %s MB/h; samples (MB): %s; resident set %s →"
                        + " %s; threads %d → %d; open files %d → %d; memory over %s: %s",
                Numbers.figure(
                        heap.stream().mapToDouble(Double::doubleValue).max().orElse(0)),
                Numbers.figure(slope),
                series,
                LiveDistrictScenario.megabytes(first.residentBytes()),
                LiveDistrictScenario.megabytes(last.residentBytes()),
                first.threads(),
                last.threads(),
                first.openFiles(),
                last.openFiles(),
                length,
                flat ? "NO GROWTH (within " + Math.round(FLAT * 100) + " %)" : "GROWS");
        return new Row(
                "live district (issue 8): CityOS live heap, last third of " + length + " (" + scale + ")",
                late,
                "MB",
                "the same, first third of the window (MB)",
                early,
                notes);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Least-squares slope of {@code y} (MB) over {@code minutes}, per hour. */
    static double slopePerHour(List<Double> minutes, List<Double> y) {
        int n = minutes.size();
        if (n < 2) {
            return 0;
        }
        double mx = minutes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double my = y.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (minutes.get(i) - mx) * (y.get(i) - my);
            den += (minutes.get(i) - mx) * (minutes.get(i) - mx);
        }
        return den == 0 ? 0 : num / den * 60;
    }
}
