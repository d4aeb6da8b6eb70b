package org.cityos.simulator.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.cityos.simulator.behaviour.AirQualityHistory;
import org.cityos.simulator.behaviour.Catalogue;
import org.cityos.simulator.behaviour.DeviceBehaviour;
import org.cityos.simulator.behaviour.LiveConditions;
import org.cityos.simulator.world.DeviceCatalogue;
import org.cityos.simulator.world.SampleGeography;
import org.cityos.simulator.world.Scale;
import org.cityos.simulator.world.SimDevice;
import org.cityos.simulator.world.SyntheticDistrict;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReporterTest {
    private static final SyntheticDistrict DISTRICT =
            SyntheticDistrict.generate(7, Scale.SMALL, SampleGeography.daxing());
    private static final DeviceCatalogue TYPES = Catalogue.seed();
    private final MutableClock clock = MutableClock.at("2026-11-24T04:00:00Z");
    private final DeviceBehaviour behaviour =
            new DeviceBehaviour(DISTRICT, TYPES, new LiveConditions(clock), AirQualityHistory.load());
    private final Recording transport = new Recording();

    /** Keeps what was sent, by serial. */
    static final class Recording implements Transport {
        final Map<String, List<JsonNode>> bySerial = new ConcurrentHashMap<>();

        @Override
        public CompletableFuture<Void> send(SimDevice device, byte[] json) {
            bySerial.computeIfAbsent(device.serial(), s -> new CopyOnWriteArrayList<>())
                    .add(JsonMapper.builder().build().readTree(json));
            return CompletableFuture.completedFuture(null);
        }

        int count(String serial) {
            return bySerial.getOrDefault(serial, List.of()).size();
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void close() {}
    }

    @Test
    void everyDeviceReportsOnItsTypesIntervalAndAJumpSendsNoBacklog() throws InterruptedException {
        List<SimDevice> frequent = DISTRICT.devices().stream()
                .filter(d -> TYPES.require(d.type()).reportingIntervalSeconds() <= 300)
                .toList();
        SimDevice detector = DISTRICT.devices("gas-leak-detector").get(0); // every 30 s
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Reporter reporter = new Reporter(DISTRICT.devices(), behaviour, TYPES, clock, 1, d -> transport)
                .bindTo(meters)
                .start();
        try {
            clock.advance(Duration.ofMinutes(10));
            await(() -> frequent.stream()
                            .filter(d -> transport.count(d.serial()) > 0)
                            .count()
                    >= frequent.size() * 9 / 10);
            assertThat(transport.count(detector.serial())).isBetween(1, 2);
            int before = transport.count(detector.serial());
            clock.advance(Duration.ofSeconds(95));
            await(() -> transport.count(detector.serial()) > before);
        } finally {
            reporter.close();
        }
        Reporter.Stats stats = reporter.stats();
        assertThat(stats.sent()).isPositive().isEqualTo(stats.acknowledged());
        assertThat(stats.failed()).isZero();
        assertThat(meters.get("cityos.simulator.reports")
                        .tag("outcome", "acknowledged")
                        .functionCounter()
                        .count())
                .isEqualTo(stats.acknowledged());
        JsonNode first = transport.bySerial.get(detector.serial()).get(0);
        assertThat(first.has("concentration")).isTrue();
        assertThat(first.has("alarm")).isTrue();
    }

    @Test
    void aReportCarriesOnlyTheTypesPropertiesAsJsonValues() throws InterruptedException {
        SimDevice bus = DISTRICT.devices("bus-gps-terminal").get(0);
        try (Reporter reporter = new Reporter(List.of(bus), behaviour, TYPES, clock, 1, d -> transport).start()) {
            clock.advance(Duration.ofSeconds(16));
            await(() -> transport.count(bus.serial()) > 0 || reporter.stats().skipped() > 0);
        }
        if (transport.count(bus.serial()) > 0) {
            JsonNode fix = transport.bySerial.get(bus.serial()).get(0);
            assertThat(fix.path("latitude").isNumber()).isTrue();
            assertThat(fix.path("lineCode").asString()).startsWith("SIM-L");
        }
    }

    /** Awaits the reporter's thread, which works on its own time, with a deadline. */
    private static void await(BooleanSupplier condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }
}
