package org.cityos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.cityos.simulator.connect.CityOsClient;
import org.cityos.simulator.world.Scale;
import org.cityos.simulator.world.SimDevice;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Loads the small district into a running CityOS and reports for a few seconds. CityOS cannot boot inside this
 * module's tests (the app module depends on this one for its scenario tests, so the reverse would be a cycle);
 * give a running demo with {@code -Dcityos.target=http://127.0.0.1:PORT} and {@code -Dcityos.mqtt-port=PORT}.
 */
class SimulatedCityIT {

    @Test
    void loadsTheSmallDistrictAndReportsOverMqttAndHttp() throws InterruptedException {
        String target = System.getProperty("cityos.target");
        assumeTrue(target != null, "no -Dcityos.target given");
        int mqttPort = Integer.parseInt(System.getProperty("cityos.mqtt-port", "1883"));
        MutableClock clock = MutableClock.at("2026-11-24T04:00:00Z");
        SimulationSettings settings = SimulationSettings.of(URI.create(target), 11, Scale.SMALL)
                .withMqttPort(mqttPort)
                .withMaxConnections(50);
        try (SimulatedCity city = SimulatedCity.start(settings, clock)) {
            assertThat(city.loaded().failed())
                    .as(city.loaded().issues().toString())
                    .isZero();
            assertThat(city.devices()).hasSizeGreaterThan(300);
            clock.advance(Duration.ofMinutes(6));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> city.stats().acknowledged() >= 200);
            assertThat(city.stats().acknowledged()).as(city.stats().toString()).isGreaterThanOrEqualTo(200);
            assertThat(city.stats().failed()).as(city.stats().toString()).isZero();

            SimDevice gauge = city.devices().stream()
                    .filter(d -> d.type().equals("rain-gauge"))
                    .findFirst()
                    .orElseThrow();
            CityOsClient api = new CityOsClient(URI.create(target));
            api.login(settings.user(), settings.password());
            JsonNode device = api.get("/api/devices/" + city.deviceId(gauge.serial()));
            assertThat(device.path("serial").asString()).isEqualTo(gauge.serial());
            assertThat(device.path("tags").toString()).contains("synthetic");
        }
    }
}
