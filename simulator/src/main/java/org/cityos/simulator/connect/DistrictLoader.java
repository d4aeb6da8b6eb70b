package org.cityos.simulator.connect;

import java.time.Duration;
import java.util.ArrayList;
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
 * until done; a second load finds them existing and adds nothing), their ids from the device list, and one
 * token per device that reports over a connection of its own (a gateway's children need none).
 */
public final class DistrictLoader {
    private static final int ROWS_PER_FILE = 20_000;
    private static final int PAGE = 1_000;
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
        return load(district.devices(), catalogue, Map.of(), district.devices());
    }

    /**
     * Loads {@code devices} (gateways before their children, whose gateway serials {@code gatewayOf} gives) and
     * issues tokens for {@code connected} only: a device behind a gateway speaks through the gateway's.
     */
    public Loaded load(
            List<SimDevice> devices,
            DeviceCatalogue catalogue,
            Map<String, String> gatewayOf,
            List<SimDevice> connected) {
        int imported = 0;
        int existing = 0;
        int failed = 0;
        List<String> issues = new ArrayList<>();
        for (int from = 0; from < devices.size(); from += ROWS_PER_FILE) {
            List<SimDevice> chunk = devices.subList(from, Math.min(devices.size(), from + ROWS_PER_FILE));
            byte[] csv = DeviceFile.csv(chunk, type -> catalogue.require(type).domain(), gatewayOf);
            JsonNode job = client.postFile("/api/devices/imports", "sim-devices-" + from + ".csv", "text/csv", csv);
            job = await(jobId(job.path("id")));
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
        return new Loaded(ids, tokens(connected, ids), imported, existing, failed, issues);
    }

    /** The job id as the API writes it: a plain string, or an object holding it. */
    static String jobId(JsonNode id) {
        if (id.isString()) {
            return id.asString();
        }
        if (id.isObject() && id.size() == 1) {
            return id.values().iterator().next().asString();
        }
        throw new IllegalStateException("the import answered no job id: " + id);
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

    /**
     * Serial → CityOS id of every simulator device, paging through the devices tagged {@code simulator}. (The CSV
     * export would be one request, but its stream ends without its last chunk — see the report of issue 8.)
     */
    private Map<String, String> ids() {
        Map<String, String> out = new HashMap<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonNode page = client.get("/api/devices?tag=" + DeviceFile.TAG + "&limit=" + PAGE + "&offset=" + offset);
            JsonNode items = page.path("items");
            for (JsonNode d : items) {
                if (d.path("vendor").asString().equals(DeviceFile.VENDOR)) {
                    out.put(d.path("serial").asString(), d.path("id").asString());
                }
            }
            if (items.size() < PAGE) {
                return out;
            }
        }
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
