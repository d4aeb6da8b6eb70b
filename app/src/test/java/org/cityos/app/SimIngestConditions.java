package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.conditions.CityConditions;

/**
 * The seam between a scenario and the devices of the system tests: a stand-in for the simulator's device models that
 * turns each lever into the readings a model would report and sends them by plain HTTP ingest, one message per
 * device. Swap it for the device models' own {@link CityConditions} once they exist; the scenarios and their checks
 * stay as they are.
 */
final class SimIngestConditions implements CityConditions {
    /** A registered test device: its id, ingest token, type, place, and for vehicles the vehicle id. */
    record Device(String id, String token, String type, GeoPoint point, String vehicle) {}

    /** Readings with no scenario acting: dry, no water, no faults, no gas, buses on their routes. */
    private static final Map<String, Map<String, Object>> QUIET = Map.of(
            "rain-gauge", Map.of("precipitation", 0.0),
            "waterlogging-level", Map.of("currentLevel", 0.02),
            "heat-pump-controller", Map.of("faultCode", "0", "outdoorTemperature", -2.0),
            "gas-leak-detector", Map.of("concentration", 0.0, "alarm", false));

    private final Api api;
    private final List<Device> devices = new ArrayList<>();
    private final Random random = new Random(8);
    private final List<String> sent = new ArrayList<>();
    private double temperatureOffset;

    SimIngestConditions(Api api) {
        this.api = api;
    }

    void add(Device device) {
        devices.add(device);
    }

    /** Every device reports its quiet reading: alarm rules see a normal state before the scenario. */
    void reportQuiet() {
        for (Device d : devices) {
            if (d.type().equals("bus-gps-terminal")) {
                send(d, position(d.point(), 0));
            } else {
                send(d, QUIET.get(d.type()));
            }
        }
    }

    /** What was sent, as {@code deviceId json}, in order. */
    List<String> sent() {
        return sent;
    }

    @Override
    public void rain(GeoPoint centre, double radiusMetres, double millimetresPerHour) {
        for (Device d : within("rain-gauge", centre, radiusMetres)) {
            send(d, Map.of("precipitation", millimetresPerHour));
        }
        // Low points fill with about 5 mm of water per mm/h of rain, drained back to their dry level when it stops.
        for (Device d : within("waterlogging-level", centre, radiusMetres)) {
            send(d, Map.of("currentLevel", Math.max(0.02, Math.min(0.8, millimetresPerHour * 0.005))));
        }
    }

    @Override
    public void temperatureOffset(double celsius) {
        temperatureOffset = celsius;
        for (Device d : ofType("heat-pump-controller")) {
            send(d, Map.of("outdoorTemperature", -2.0 + celsius));
        }
    }

    @Override
    public void faultFactor(String deviceType, double factor) {
        // A base fault chance of 2 % per report, tripled in a hard cold snap; the factor multiplies it.
        double chance = 0.02 * factor * (1 + Math.max(0, -temperatureOffset) / 6);
        for (Device d : ofType(deviceType)) {
            boolean fault = random.nextDouble() < chance;
            send(d, Map.of("faultCode", fault ? "E07" : "0"));
        }
    }

    @Override
    public void gasLeak(GeoPoint site, double radiusMetres, double peakPpm) {
        for (Device d : within("gas-leak-detector", site, radiusMetres)) {
            // %LEL of methane (LEL 50,000 ppm), falling linearly to nothing at the edge of the radius.
            double lel = peakPpm / 500 * (1 - d.point().distanceTo(site) / radiusMetres);
            send(d, Map.of("concentration", Math.round(lel * 10) / 10.0, "alarm", lel >= 25));
        }
    }

    @Override
    public void offRoute(String vehicleId, double metres) {
        for (Device d : ofType("bus-gps-terminal")) {
            if (vehicleId.equals(d.vehicle())) {
                send(d, position(d.point(), metres));
            }
        }
    }

    /** The bus due north of its route point by {@code metres}, moving at a walking pace. */
    private static Map<String, Object> position(GeoPoint onRoute, double metres) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latitude", onRoute.lat() + metres / 111_320.0);
        m.put("longitude", onRoute.lon());
        m.put("speed", 12.0);
        return m;
    }

    private List<Device> ofType(String type) {
        return devices.stream().filter(d -> d.type().equals(type)).toList();
    }

    private List<Device> within(String type, GeoPoint centre, double radiusMetres) {
        return ofType(type).stream()
                .filter(d -> d.point().distanceTo(centre) <= radiusMetres)
                .toList();
    }

    private void send(Device d, Map<String, Object> values) {
        String json = Api.JSON.writeValueAsString(values);
        Api.Response r = api.raw(
                "POST",
                "/api/ingest/telemetry",
                d.token(),
                Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(d.type() + " " + r).isEqualTo(200);
        sent.add(d.id() + " " + json);
    }
}
