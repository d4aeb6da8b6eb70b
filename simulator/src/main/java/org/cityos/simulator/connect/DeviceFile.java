package org.cityos.simulator.connect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.simulator.world.SimDevice;

/**
 * The simulated devices as a CityOS device import file: vendor {@code SIM-simulator}, serials and names
 * {@code SIM-…}, tagged {@code synthetic}, in the department that answers for the type's domain.
 */
public final class DeviceFile {
    public static final String VENDOR = "SIM-simulator";
    /** The tag every simulated device carries (besides {@code synthetic}), to find them again. */
    public static final String TAG = "simulator";

    static final String HEADER = "type,name,vendor,serial,lon,lat,department,state,tags,parent";

    /** Domain of a device type → the seeded department that owns such devices. */
    private static final Map<String, String> DEPARTMENT_BY_DOMAIN = Map.ofEntries(
            Map.entry("municipal", "urban-management"),
            Map.entry("safety", "emergency"),
            Map.entry("water", "water"),
            Map.entry("weather", "water"),
            Map.entry("environment", "ecology"),
            Map.entry("energy", "housing"),
            Map.entry("hazmat", "emergency"),
            Map.entry("traffic", "transport"),
            Map.entry("elderly", "civil-affairs"),
            Map.entry("agriculture", "agriculture"),
            Map.entry("structure", "transport"),
            Map.entry("video", "public-security"),
            Map.entry("network", "economy-it"));

    private DeviceFile() {}

    public static String department(String domain) {
        return DEPARTMENT_BY_DOMAIN.getOrDefault(domain, "economy-it");
    }

    /** CSV for {@code devices}; {@code domainOf} gives each type's domain. */
    public static byte[] csv(List<SimDevice> devices, java.util.function.Function<String, String> domainOf) {
        return csv(devices, domainOf, Map.of());
    }

    /**
     * As {@link #csv(List, java.util.function.Function)}, with each child's gateway (by serial) in the parent
     * column; a gateway must come before its children in {@code devices}.
     */
    public static byte[] csv(
            List<SimDevice> devices,
            java.util.function.Function<String, String> domainOf,
            Map<String, String> gatewayOf) {
        StringBuilder out =
                new StringBuilder(devices.size() * 120).append(HEADER).append('\n');
        for (SimDevice d : devices) {
            out.append(d.type())
                    .append(',')
                    .append(d.name())
                    .append(',')
                    .append(VENDOR)
                    .append(',')
                    .append(d.serial())
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.7f,%.7f", d.at().lon(), d.at().lat()))
                    .append(',')
                    .append(department(domainOf.apply(d.type())))
                    .append(",ACTIVE,synthetic;")
                    .append(TAG)
                    .append(',')
                    .append(gatewayOf.getOrDefault(d.serial(), ""))
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
