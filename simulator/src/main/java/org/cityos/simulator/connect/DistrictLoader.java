package org.cityos.simulator.connect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.cityos.simulator.world.DeviceCatalogue;
import org.cityos.simulator.world.SimDevice;
import org.cityos.simulator.world.SyntheticDistrict;
import tools.jackson.databind.JsonNode;

/**
 * Loads a synthetic district into CityOS through its public API: the devices by the streaming import job (polled
 * until done; a second load finds them existing and adds nothing), their ids from the device export, and one
 * token per device for reporting.
 */
public final class DistrictLoader {
    private static final int ROWS_PER_FILE = 20_000;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(20);

    private final CityOsClient client;
    private final Consumer<String> progress;

    public DistrictLoader(CityOsClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    /** What loading left in CityOS: ids and tokens by serial, and the import's counts. */
    public record Loaded(
            Map<String, String> idBySerial,
            Map<String, String> tokenBySerial,
            int imported,
            int existing,
            int failed,
            List<String> issues) {}

    public Loaded load(SyntheticDistrict district, DeviceCatalogue catalogue) {
        List<SimDevice> devices = district.devices();
        int imported = 0;
        int existing = 0;
        int failed = 0;
        List<String> issues = new ArrayList<>();
        for (int from = 0; from < devices.size(); from += ROWS_PER_FILE) {
            List<SimDevice> chunk = devices.subList(from, Math.min(devices.size(), from + ROWS_PER_FILE));
            byte[] csv = DeviceFile.csv(chunk, type -> catalogue.require(type).domain());
            JsonNode job = client.postFile("/api/devices/imports", "sim-devices-" + from + ".csv", "text/csv", csv);
            job = await(job.path("id").asString());
            imported += job.path("imported").asInt();
            existing += job.path("existing").asInt();
            failed += job.path("failed").asInt();
            for (JsonNode issue : job.path("issues")) {
                if (issues.size() < 20) {
                    issues.add(issue.toString());
                }
            }
            progress.accept(String.format(
                    "devices: %d of %d sent (%d new, %d existing, %d refused)",
                    from + chunk.size(), devices.size(), imported, existing, failed));
        }
        Map<String, String> ids = ids();
        progress.accept("devices: " + ids.size() + " simulated devices registered; issuing tokens");
        return new Loaded(ids, tokens(devices, ids), imported, existing, failed, issues);
    }

    private JsonNode await(String jobId) {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = client.get("/api/devices/imports/" + jobId);
            String state = job.path("state").asString();
            if (state.equals("SUCCEEDED")) {
                return job;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("device import " + jobId + " failed: " + job);
            }
            try {
                Thread.sleep(250); // polling an asynchronous job on another machine's time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for import " + jobId, e);
            }
        }
        throw new IllegalStateException("device import " + jobId + " did not finish in " + JOB_TIMEOUT);
    }

    /** Serial → CityOS id of every simulator device, from the CSV export. */
    private Map<String, String> ids() {
        String csv = client.getText("/api/devices/export?format=csv");
        String[] lines = csv.split("\r?\n");
        List<String> header = Arrays.asList(lines[0].replace("\uFEFF", "").split(",", -1));
        int id = header.indexOf("id");
        int vendor = header.indexOf("vendor");
        int serial = header.indexOf("serial");
        if (id < 0 || serial < 0 || vendor < 0) {
            throw new IllegalStateException("the device export has no id, vendor or serial column: " + lines[0]);
        }
        Map<String, String> out = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells.length > serial && cells[vendor].equals(DeviceFile.VENDOR) && cells[serial].startsWith("SIM-")) {
                out.put(cells[serial], cells[id]);
            }
        }
        return out;
    }

    private Map<String, String> tokens(List<SimDevice> devices, Map<String, String> ids) {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (SimDevice d : devices) {
                String id = ids.get(d.serial());
                if (id != null) {
                    pending.add(pool.submit(() -> {
                        JsonNode issued = client.postJson("/api/devices/" + id + "/credentials", Map.of());
                        tokens.put(d.serial(), issued.path("token").asString());
                    }));
                }
            }
            for (int i = 0; i < pending.size(); i++) {
                pending.get(i).get();
                if ((i + 1) % 10_000 == 0) {
                    progress.accept("tokens: " + (i + 1) + " of " + pending.size());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("issuing device tokens failed", e);
        } finally {
            pool.shutdownNow();
        }
        return Map.copyOf(tokens);
    }
}
