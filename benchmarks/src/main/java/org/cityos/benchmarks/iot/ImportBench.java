package org.cityos.benchmarks.iot;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceDraft;
import org.cityos.iot.DeviceImportJob;
import org.cityos.iot.DeviceImportJob.State;
import org.cityos.iot.DeviceImports;
import org.cityos.iot.SyntheticDevices;
import org.cityos.iot.persistence.DeviceImportRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.Crs;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A CSV import job of the synthetic devices into an empty {@code iot_device} (what an upload does:
 * parse, check, place, batch insert, audit, job progress), timed from {@link DeviceImports#start} to
 * the job being final. Baseline: the same rows, already parsed and placed, through the bulk path the
 * import itself writes with, into the emptied table. The baseline's rows stay as the loaded registry.
 */
public final class ImportBench {
    static final Duration AT_MOST = Duration.ofMinutes(10);
    static final Duration POLL = Duration.ofMillis(20);
    static final double TARGET_SECONDS = 60;
    static final int TARGET_ROWS = 130_000;

    private ImportBench() {}

    /** The import row and the devices the baseline left stored. */
    public record Outcome(Row row, List<Device> loaded, double loadSeconds) {}

    public static Outcome run(
            RegistryContext registry, JdbcClient jdbc, List<DeviceDraft> drafts, Path work, Actor actor)
            throws Exception {
        Path csv = work.resolve("synthetic-devices.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            SyntheticDevices.writeCsv(drafts, out);
        }
        long bytes = Files.size(csv);

        DeviceImports imports = registry.imports();
        long began = System.nanoTime();
        DeviceImportJob job;
        try (InputStream in = Files.newInputStream(csv)) {
            job = imports.start(actor, in, csv.getFileName().toString(), false, Crs.WGS84);
        }
        long giveUp = began + AT_MOST.toNanos();
        while (job.state() == State.QUEUED || job.state() == State.RUNNING) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("device import still " + job.state() + " after " + AT_MOST + " ("
                        + job.rowsRead() + " rows read)");
            }
            Thread.sleep(POLL.toMillis());
            job = imports.get(actor, job.id());
        }
        double importSeconds = (System.nanoTime() - began) / 1e9;
        if (job.state() != State.SUCCEEDED || job.imported() == 0) {
            throw new IllegalStateException("device import " + job.state() + " (" + job.messageKey() + " "
                    + job.messageArgs() + "), imported " + job.imported() + ", first issues " + job.issues());
        }
        long stored =
                jdbc.sql("SELECT count(*) FROM iot_device").query(Long.class).single();

        jdbc.sql("TRUNCATE iot_device CASCADE").update();
        List<Device> devices = DeviceLoad.placed(drafts, registry.places());
        long loadBegan = System.nanoTime();
        int inserted = DeviceLoad.insert(devices, registry.bean(DeviceImportRepository.class), registry.transactions());
        double loadSeconds = (System.nanoTime() - loadBegan) / 1e9;
        jdbc.sql("ANALYZE iot_device").update();
        if (inserted != devices.size()) {
            throw new IllegalStateException("bulk path stored " + inserted + " of " + devices.size() + " devices");
        }

        double rate = job.rowsRead() / importSeconds;
        String target = drafts.size() >= TARGET_ROWS
                ? "target ≤ " + Numbers.seconds(TARGET_SECONDS) + " for " + Numbers.figure(TARGET_ROWS) + " rows: "
                        + (importSeconds <= TARGET_SECONDS ? "met" : "MISSED")
                : "target ≤ " + Numbers.seconds(TARGET_SECONDS) + " applies to " + Numbers.figure(TARGET_ROWS)
                        + " rows (full)";
        Row row = new Row(
                "device import: DeviceImports CSV job into an empty iot_device (parse, check, place, batch insert,"
                        + " audit), start to final state",
                rate,
                "rows/s",
                "the same rows already parsed and placed, via the import's bulk path"
                        + " (DeviceImportRepository.insertNew, 1,000-row JDBC batches, one transaction each) into the"
                        + " emptied table (rows/s)",
                devices.size() / loadSeconds,
                Numbers.figure(job.rowsRead()) + " rows (" + Numbers.figure(bytes / 1e6) + " MB CSV) in "
                        + Numbers.seconds(importSeconds) + "; " + target + "; imported " + job.imported()
                        + ", existing " + job.existing() + ", failed " + job.failed() + ", stored " + stored
                        + "; bulk path " + Numbers.seconds(loadSeconds));
        return new Outcome(row, devices, loadSeconds);
    }
}
