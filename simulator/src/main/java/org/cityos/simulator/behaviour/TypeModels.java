package org.cityos.simulator.behaviour;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityos.simulator.world.Route;
import org.cityos.simulator.world.SimDevice;
import org.cityos.simulator.world.SyntheticDistrict;

/** The device types with a model of their own: the ones scenarios act on, and the ones with an obvious rhythm. */
final class TypeModels {
    /** A heat pump's chance per hour of reporting a fault in mild weather. */
    private static final double HEAT_PUMP_FAULT_PER_HOUR = 0.002;

    private final LiveConditions conditions;
    private final AirQualityHistory air;
    private final Noise noise;
    private final Map<String, Route> routes;
    private final Map<String, Integer> airStation;
    private final double deepestSpot;

    TypeModels(SyntheticDistrict district, LiveConditions conditions, AirQualityHistory air, Noise noise) {
        this.conditions = conditions;
        this.air = air;
        this.noise = noise;
        this.routes = district.routesById();
        List<SimDevice> stations = district.devices("air-quality-station");
        this.airStation = new java.util.HashMap<>();
        for (int i = 0; i < stations.size(); i++) {
            airStation.put(stations.get(i).serial(), i);
        }
        this.deepestSpot = district.devices("waterlogging-level").stream()
                .mapToDouble(SimDevice::depthMetres)
                .max()
                .orElse(1);
    }

    void apply(SimDevice d, Instant t, Map<String, Object> v) {
        switch (d.type()) {
            case "rain-gauge" -> v.put("precipitation", rain(d, t));
            case "weather-station" -> {
                v.put("temperature", outdoor(d, t));
                v.put("precipitation", rain(d, t));
                if (conditions.rainAt(d.at()) > 0) {
                    v.put("humidity", 92 + 6 * noise.unit(d.serial(), "humidity", t.getEpochSecond()));
                }
            }
            case "waterlogging-level" -> v.put("currentLevel", waterlogging(d, t));
            case "heat-pump-controller" -> heatPump(d, t, v);
            case "gas-leak-detector" -> {
                double ppm = 0.3 * noise.unit(d.serial(), "gas", t.getEpochSecond() / 30) + conditions.gasAt(d.at());
                v.put("concentration", ppm);
                v.put("alarm", ppm >= 25);
            }
            case "bus-gps-terminal", "taxi-gps-terminal" -> vehicle(d, t, v);
            case "air-quality-station" -> airStation(d, t, v);
            case "air-micro-station" -> {
                AirQualityHistory.Hour h = air.at(d.serial().hashCode(), t);
                double local = 0.8 + 0.4 * noise.unit(d.serial(), "site", 0);
                v.put("pm25", h.pm25() * local);
                v.put("pm10", h.pm10() * local);
                v.put("temperature", outdoor(d, t));
            }
            case "smart-light-pole" -> light(t, v);
            case "soil-moisture" -> v.put("soilTemperature", 0.6 * outdoor(d, t) + 4);
            case "parking-space-sensor" -> {
                double busy = 0.2 + 0.6 * Weather.daytime(t);
                boolean taken = noise.unit(d.serial(), "parked", t.getEpochSecond() / 1800) < busy;
                v.put("status", taken ? "occupied" : "free");
            }
            default -> {}
        }
    }

    private double outdoor(SimDevice d, Instant t) {
        return Weather.outdoorCelsius(t, conditions.temperatureOffset())
                + 0.5 * noise.signed(d.serial(), "site-temperature", 0);
    }

    private double rain(SimDevice d, Instant t) {
        double mm = conditions.rainAt(d.at());
        return mm == 0 ? 0 : mm * (0.9 + 0.2 * noise.unit(d.serial(), "rain", t.getEpochSecond() / 60));
    }

    /**
     * Water at a low spot: rises with the rain rate and the time it has rained (filling over about 20 minutes),
     * deeper hollows more; drains when the rain stops. A 60 mm/h storm floods most points past 15 cm.
     */
    private double waterlogging(SimDevice d, Instant t) {
        double rate = conditions.rainAt(d.at());
        if (rate == 0) {
            return 0.01 * noise.unit(d.serial(), "damp", t.getEpochSecond() / 300);
        }
        Duration raining = conditions.rainingFor(d.at(), t);
        double filled = Math.min(1, raining.toSeconds() / 1200.0);
        double hollow = 0.5 + 0.5 * d.depthMetres() / deepestSpot;
        return Math.min(3, hollow * rate / 60.0 * 0.6 * filled);
    }

    /**
     * A village heat pump: heats when below 15 °C, harder the colder it is; faults more in the cold (about seven
     * times as often at -15 °C as in mild weather) and by the scenario's fault factor.
     */
    private void heatPump(SimDevice d, Instant t, Map<String, Object> v) {
        double outside = outdoor(d, t);
        boolean heating = outside < 15;
        double demand = Math.max(0, 15 - outside);
        double supply = heating ? Math.min(60, 32 + 1.0 * demand) : 25;
        v.put("outdoorTemperature", outside);
        v.put("supplyTemperature", supply);
        v.put("returnTemperature", heating ? supply - 5 : 24);
        v.put("power", heating ? Math.min(20, 1.5 + 0.3 * demand) : 0.05);
        double cold = outside < 0 ? 1 + (-outside) * 0.4 : 1;
        double p = HEAT_PUMP_FAULT_PER_HOUR * cold * conditions.faultFactor(d.type());
        long hour = Math.floorDiv(t.getEpochSecond(), 3600);
        boolean fault = noise.unit(d.serial(), "fault", hour) < p;
        v.put("faultCode", fault ? "E" + (11 + (int) (noise.unit(d.serial(), "fault-code", hour) * 8)) : "0");
        v.put("powerState", fault ? "fault" : heating ? "on" : "off");
    }

    private void vehicle(SimDevice d, Instant t, Map<String, Object> v) {
        Route route = routes.get(d.routeId());
        if (route == null) {
            return;
        }
        boolean bus = route.stopSpacingMetres() > 0;
        double cruise = (bus ? 22 : 32) + 8 * noise.unit(d.serial(), "cruise", 0);
        double period = route.path().lengthMetres() / (cruise / 3.6) * 2;
        double phase = noise.unit(d.serial(), "route-phase", 0) * period;
        VehicleMotion.Fix fix = VehicleMotion.at(route, t, cruise, phase, conditions.offRouteMetres(d.serial()));
        v.put("latitude", Math.round(fix.at().lat() * 1e6) / 1e6);
        v.put("longitude", Math.round(fix.at().lon() * 1e6) / 1e6);
        v.put("speed", fix.speedKmh());
        v.put("heading", fix.heading());
        if (bus) {
            v.put("lineCode", route.lineCode());
        } else {
            boolean hired = noise.unit(d.serial(), "hired", t.getEpochSecond() / 900) < 0.3 + 0.4 * Weather.daytime(t);
            v.put("serviceStatus", hired ? "occupied" : "vacant");
        }
    }

    private void airStation(SimDevice d, Instant t, Map<String, Object> v) {
        AirQualityHistory.Hour h = air.at(airStation.getOrDefault(d.serial(), 0), t);
        v.put("pm25", h.pm25());
        v.put("pm10", h.pm10());
        v.put("so2", h.so2());
        v.put("no2", h.no2());
        v.put("o3", h.o3());
        v.put("co", h.co());
        v.put("aqi", h.aqi());
    }

    private static void light(Instant t, Map<String, Object> v) {
        double h = Weather.hourOfDay(t);
        boolean night = h >= 18 || h < 6;
        boolean late = h >= 0 && h < 5;
        v.put("powerState", !night ? "off" : late ? "low" : "on");
        v.put("illuminanceLevel", !night ? 0.0 : late ? 0.5 : 1.0);
        if (!night) {
            v.put("current", 0.02);
        }
    }
}
