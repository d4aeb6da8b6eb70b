package org.cityos.iot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cityos.iot.internal.registry.DeviceColumns;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Placement;
import org.cityos.spatial.SyntheticPois;
import org.locationtech.jts.geom.Envelope;

/**
 * Plausible, clearly synthetic devices for demos and benchmarks: points drawn inside the district
 * (clustered around a few centres like real towns, checked with the given placer), types drawn from the
 * given codes, owners by the type's usual department, vendor {@code syn-vendor-<k>} and serial
 * {@code syn-<seed>-<n>} (so re-importing them adds nothing). The same seed gives the same devices.
 */
public final class SyntheticDevices {
    /** The department that usually owns a type, by type code; others go to {@link #DEFAULT_OWNER}. */
    public static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("smart-light-pole", "urban-management"),
            Map.entry("manhole-tilt", "urban-management"),
            Map.entry("trash-bin-fill", "urban-management"),
            Map.entry("heat-pump-controller", "urban-management"),
            Map.entry("hydrant-pressure", "emergency"),
            Map.entry("gas-leak-detector", "emergency"),
            Map.entry("smoke-detector", "emergency"),
            Map.entry("electrical-fire-monitor", "emergency"),
            Map.entry("waterlogging-level", "water"),
            Map.entry("rain-gauge", "water"),
            Map.entry("river-level", "water"),
            Map.entry("water-quality", "water"),
            Map.entry("water-meter", "water"),
            Map.entry("air-quality-station", "ecology"),
            Map.entry("air-micro-station", "ecology"),
            Map.entry("voc-monitor", "ecology"),
            Map.entry("noise-monitor", "ecology"),
            Map.entry("weather-station", "ecology"),
            Map.entry("dust-monitor", "housing"),
            Map.entry("parking-space-sensor", "transport"),
            Map.entry("roadside-parking-terminal", "transport"),
            Map.entry("bus-gps-terminal", "transport"),
            Map.entry("taxi-gps-terminal", "transport"),
            Map.entry("traffic-signal-controller", "transport"),
            Map.entry("parking-guidance-screen", "transport"),
            Map.entry("bike-dock", "transport"),
            Map.entry("bridge-health", "transport"),
            Map.entry("elderly-emergency-button", "civil-affairs"),
            Map.entry("elderly-wearable", "civil-affairs"),
            Map.entry("soil-moisture", "agriculture"),
            Map.entry("greenhouse-climate", "agriculture"),
            Map.entry("cold-chain-temperature", "market-regulation"),
            Map.entry("camera", "public-security"));

    public static final String DEFAULT_OWNER = "economy-it";

    private SyntheticDevices() {}

    /** Devices inside the reference outline's bounding box (kept only where {@code placer} says inside). */
    public static List<DeviceDraft> generate(
            long seed, int count, Function<GeoPoint, Placement> placer, List<String> typeCodes) {
        Envelope box = SyntheticPois.outline(SyntheticPois.DEFAULT_OUTLINE).getEnvelopeInternal();
        return generate(
                seed, count, placer, typeCodes, box, t -> DepartmentCode.of(OWNERS.getOrDefault(t, DEFAULT_OWNER)));
    }

    public static List<DeviceDraft> generate(
            long seed,
            int count,
            Function<GeoPoint, Placement> placer,
            List<String> typeCodes,
            Envelope area,
            Function<String, DepartmentCode> owner) {
        if (count < 0 || typeCodes.isEmpty() || area.isNull()) {
            throw new IllegalArgumentException("need a non-negative count, type codes and an area");
        }
        Random random = new Random(seed);
        List<GeoPoint> centres = new ArrayList<>();
        for (int i = 0; i < Math.max(8, count / 2000); i++) {
            centres.add(inside(random, placer, area, null));
        }
        List<DeviceDraft> drafts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String type = typeCodes.get(random.nextInt(typeCodes.size()));
            GeoPoint at = inside(
                    random,
                    placer,
                    area,
                    random.nextDouble() < 0.65 ? centres.get(random.nextInt(centres.size())) : null);
            double s = random.nextDouble();
            DeviceState state = s < 0.90 ? DeviceState.ACTIVE : s < 0.95 ? DeviceState.FAULTY : DeviceState.INSTALLED;
            drafts.add(new DeviceDraft(
                    type,
                    "合成设备 " + type + " " + n,
                    "syn-vendor-" + (n % 17),
                    "syn-" + seed + "-" + n,
                    at,
                    null,
                    owner.apply(type),
                    new DeviceMaintainer("合成维保公司" + (n % 9), null, null),
                    null,
                    state,
                    List.of("synthetic"),
                    null,
                    Set.of()));
        }
        return drafts;
    }

    /** Writes drafts as an import file (CSV, the import's columns). */
    public static void writeCsv(List<DeviceDraft> drafts, OutputStream out) throws IOException {
        CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
        csv.printRecord(DeviceColumns.ALL);
        for (DeviceDraft d : drafts) {
            csv.printRecord(
                    "",
                    d.typeCode(),
                    d.name(),
                    d.vendor(),
                    d.serial(),
                    d.location().lon(),
                    d.location().lat(),
                    d.address() == null ? "" : d.address(),
                    "",
                    d.department().value(),
                    d.maintainer().organisation() == null ? "" : d.maintainer().organisation(),
                    "",
                    "",
                    d.installedOn() == null ? "" : d.installedOn(),
                    d.state() == null ? "" : d.state().name(),
                    String.join(DeviceColumns.LIST_SEPARATOR, d.tags()),
                    "",
                    "");
        }
        csv.flush();
    }

    /** Uniform in the area, or (with a centre) Gaussian around it with a spread of about 1.5 km. */
    private static GeoPoint inside(
            Random random, Function<GeoPoint, Placement> placer, Envelope area, GeoPoint centre) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double lon;
            double lat;
            if (centre != null && attempt < 20) {
                double sigma = 1500 / 111_195.0;
                lon = centre.lon() + random.nextGaussian() * sigma / Math.cos(Math.toRadians(centre.lat()));
                lat = centre.lat() + random.nextGaussian() * sigma;
            } else {
                lon = area.getMinX() + random.nextDouble() * area.getWidth();
                lat = area.getMinY() + random.nextDouble() * area.getHeight();
            }
            GeoPoint p = GeoPoint.of(Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6);
            if (placer.apply(p).inside()) {
                return p;
            }
        }
        throw new IllegalArgumentException("the placer accepts no point of the area");
    }
}
