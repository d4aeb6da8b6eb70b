package org.cityos.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.cityos.simulator.behaviour.AirQualityHistory;
import org.cityos.simulator.behaviour.DeviceBehaviour;
import org.cityos.simulator.behaviour.LiveConditions;
import org.cityos.simulator.conditions.CityConditions;
import org.cityos.simulator.connect.ChannelLoader;
import org.cityos.simulator.connect.CityOsClient;
import org.cityos.simulator.connect.DistrictLoader;
import org.cityos.simulator.connect.GatewayPlan;
import org.cityos.simulator.connect.GatewayTransport;
import org.cityos.simulator.connect.GeographySource;
import org.cityos.simulator.connect.HttpTransport;
import org.cityos.simulator.connect.MqttTransport;
import org.cityos.simulator.connect.Reporter;
import org.cityos.simulator.world.DeviceCatalogue;
import org.cityos.simulator.world.Geography;
import org.cityos.simulator.world.Scale;
import org.cityos.simulator.world.SimDevice;
import org.cityos.simulator.world.SyntheticDistrict;
import org.cityos.simulator.world.VideoChannelPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A synthetic district loaded into a running CityOS and reporting to it until closed: the entry point for demos,
 * system tests and benchmarks. Scenarios pull {@link #conditions()}; the devices' readings follow.
 */
public final class SimulatedCity implements AutoCloseable {
    /** How long a child's report waits at its gateway to go out with its neighbours'. */
    private static final Duration GATHER = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(SimulatedCity.class);

    private final SyntheticDistrict district;
    private final List<SimDevice> devices;
    private final LiveConditions conditions;
    private final ChannelLoader.Loaded channels;
    private final DistrictLoader.Loaded loaded;
    private final Map<String, String> serialById;
    private final Reporter reporter;
    private final MqttTransport mqtt;
    private final GatewayTransport gateways;
    private final HttpTransport http;
    private final CityLife life;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private SimulatedCity(
            SyntheticDistrict district,
            List<SimDevice> devices,
            LiveConditions conditions,
            DistrictLoader.Loaded loaded,
            ChannelLoader.Loaded channels,
            Map<String, String> serialById,
            Reporter reporter,
            MqttTransport mqtt,
            GatewayTransport gateways,
            HttpTransport http,
            CityLife life) {
        this.district = district;
        this.devices = devices;
        this.conditions = conditions;
        this.loaded = loaded;
        this.channels = channels;
        this.serialById = serialById;
        this.reporter = reporter;
        this.mqtt = mqtt;
        this.gateways = gateways;
        this.http = http;
        this.life = life;
    }

    /**
     * Generates the district for {@code seed} at {@code scale} over the target's geography, loads it (devices,
     * credentials) through the public API as the demo admin, and starts reporting on {@code clock}'s time.
     * Reporting uses HTTP only (MQTT needs {@link #start(SimulationSettings, Clock)} with the endpoint's port).
     */
    public static SimulatedCity start(URI target, long seed, Scale scale, Clock clock) {
        return start(SimulationSettings.of(target, seed, scale).withMaxConnections(0), clock);
    }

    public static SimulatedCity start(SimulationSettings settings, Clock clock) {
        return start(settings, clock, message -> log.info(message));
    }

    /** As {@link #start(SimulationSettings, Clock)}, telling {@code progress} how loading goes. */
    public static SimulatedCity start(SimulationSettings settings, Clock clock, Consumer<String> progress) {
        CityOsClient client = new CityOsClient(settings.target());
        client.login(settings.user(), settings.password());
        DeviceCatalogue catalogue = DeviceCatalogue.parse(client.getText("/api/device-types"));
        Geography geo = GeographySource.read(client);
        progress.accept(String.format(
                "geography: %d towns, %d roads, %d POIs; %d device types",
                geo.divisions().size(),
                geo.roads().size(),
                geo.pois().size(),
                catalogue.types().size()));
        SyntheticDistrict district = SyntheticDistrict.generate(settings.seed(), settings.scale(), geo);
        Set<String> known = catalogue.types().stream().map(t -> t.code()).collect(Collectors.toSet());
        List<SimDevice> typed = district.devices().stream()
                .filter(d -> known.contains(d.type()))
                .toList();
        progress.accept("district: " + typed.size() + " devices, "
                + district.routes().size() + " routes, " + district.videoChannels() + " video channels");
        // The chattiest devices get connections of their own; the others report through gateways (or, with no
        // MQTT at all, push over HTTP with their own tokens).
        List<SimDevice> byChattiness = typed.stream()
                .sorted(Comparator.comparingInt(d -> catalogue.require(d.type()).reportingIntervalSeconds()))
                .toList();
        GatewayPlan plan = GatewayPlan.of(byChattiness, settings.maxConnections(), GatewayPlan.CHILDREN_PER_GATEWAY);
        List<SimDevice> registered = new ArrayList<>(plan.gateways());
        registered.addAll(typed);
        DistrictLoader.Loaded loaded = new DistrictLoader(client, progress)
                .load(
                        registered,
                        catalogue,
                        plan.gatewayOf(),
                        settings.maxConnections() == 0 ? typed : plan.connected());
        ChannelLoader.Loaded channels = new ChannelLoader(client, progress)
                .load(VideoChannelPlan.generate(settings.seed(), district.videoChannels(), typed));
        if (channels.failed() > 0) {
            progress.accept("video channels refused: " + channels.failed() + ", e.g. " + channels.issues());
        }
        List<SimDevice> live = typed.stream()
                .filter(d -> loaded.tokenBySerial().containsKey(d.serial())
                        || (plan.gatewayOf().containsKey(d.serial())
                                && loaded.tokenBySerial()
                                        .containsKey(plan.gatewayOf().get(d.serial()))))
                .toList();
        Map<String, String> serialById = new HashMap<>();
        loaded.idBySerial().forEach((serial, id) -> serialById.put(id, serial));
        LiveConditions conditions = new LiveConditions(clock, id -> serialById.getOrDefault(id, id));
        DeviceBehaviour behaviour = new DeviceBehaviour(district, catalogue, conditions, AirQualityHistory.load());
        List<SimDevice> connected = plan.connected();
        MqttTransport mqtt = connected.isEmpty()
                ? null
                : MqttTransport.connect(
                        settings.target().getHost(),
                        settings.mqttPort(),
                        connected,
                        loaded.idBySerial(),
                        loaded.tokenBySerial(),
                        progress);
        Map<String, SimDevice> gatewayBySerial = new HashMap<>();
        plan.gateways().forEach(g -> gatewayBySerial.put(g.serial(), g));
        Map<String, SimDevice> gatewayOfChild = new HashMap<>();
        plan.gatewayOf().forEach((child, gateway) -> gatewayOfChild.put(child, gatewayBySerial.get(gateway)));
        GatewayTransport gateways = mqtt == null ? null : new GatewayTransport(mqtt, gatewayOfChild, GATHER);
        HttpTransport http = new HttpTransport(client, loaded.tokenBySerial(), 64);
        Reporter reporter = new Reporter(live, behaviour, catalogue, clock, settings.speed(), d -> {
                    if (mqtt != null && mqtt.carries(d)) {
                        return mqtt;
                    }
                    return gateways != null && gateways.carries(d) ? gateways : http;
                })
                .start();
        long behind = live.stream()
                .filter(d -> plan.gatewayOf().containsKey(d.serial()))
                .count();
        progress.accept(
                "reporting: " + live.size() + " devices (" + plan.direct().size() + " over MQTT, " + behind
                        + " through " + plan.gateways().size() + " gateways, "
                        + (live.size() - plan.direct().size() - behind)
                        + " over HTTP)");
        CityLife life = settings.requestsPerDay() > 0 ? CityLife.start(settings, client, geo, clock, progress) : null;
        return new SimulatedCity(
                district, live, conditions, loaded, channels, serialById, reporter, mqtt, gateways, http, life);
    }

    /** The levers scenarios pull; vehicles may be named by CityOS id or by serial. */
    public CityConditions conditions() {
        return conditions;
    }

    /** Every simulated device registered in CityOS and reporting, in the district's order. */
    public List<SimDevice> devices() {
        return devices;
    }

    public SyntheticDistrict district() {
        return district;
    }

    /** The CityOS id the device with this {@code SIM-} serial was registered under. */
    public String deviceId(String serial) {
        String id = loaded.idBySerial().get(serial);
        if (id == null) {
            throw new IllegalArgumentException("no simulated device " + serial);
        }
        return id;
    }

    /** The serial of the simulated device CityOS knows as {@code deviceId}. */
    public String serial(String deviceId) {
        String serial = serialById.get(deviceId);
        if (serial == null) {
            throw new IllegalArgumentException("no simulated device with id " + deviceId);
        }
        return serial;
    }

    /** How loading went: new, existing and refused rows, and the first issues. */
    public DistrictLoader.Loaded loaded() {
        return loaded;
    }

    /** What CityOS's channel import made of the district's video channels. */
    public ChannelLoader.Loaded channels() {
        return channels;
    }

    public Reporter.Stats stats() {
        return reporter.stats();
    }

    /** The citizens, handlers and follow-up desk, when the settings asked for requests. */
    public java.util.Optional<CityLife> life() {
        return java.util.Optional.ofNullable(life);
    }

    /** Stops reporting and closes every connection; the devices stay registered. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // closed already (the command line closes at the end and again from its shutdown hook)
        }
        if (life != null) {
            life.close();
        }
        reporter.close();
        if (gateways != null) {
            gateways.close();
        }
        if (mqtt != null) {
            mqtt.close();
        }
        http.close();
    }
}
