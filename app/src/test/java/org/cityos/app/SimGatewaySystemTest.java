package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.awaitility.Awaitility;
import org.cityos.iot.MqttEndpointConfiguration;
import org.cityos.simulator.SimulatedCity;
import org.cityos.simulator.SimulationSettings;
import org.cityos.simulator.connect.GatewayPlan;
import org.cityos.simulator.world.DevicePlan;
import org.cityos.simulator.world.Scale;
import org.cityos.simulator.world.SimDevice;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The simulator within a connection budget smaller than the district: the chattiest devices connect over MQTT,
 * the others are registered behind simulated gateways by one import file and report through the gateways'
 * connections, and their readings are stored under their own ids.
 */
class SimGatewaySystemTest extends SystemTest {
    @Autowired
    MqttEndpointConfiguration.DeviceEndpoint endpoint;

    @Test
    void devicesBeyondTheBudgetReportThroughGateways() {
        MutableClock clock = new MutableClock(Instant.now(), ZoneOffset.UTC);
        SimulationSettings settings = SimulationSettings.of(URI.create("http://127.0.0.1:" + port), 23, Scale.SMALL)
                .withMqttPort(endpoint.port())
                .withMaxConnections(80);
        try (SimulatedCity city = SimulatedCity.start(settings, clock)) {
            assertThat(city.loaded().failed())
                    .as(city.loaded().issues().toString())
                    .isZero();
            assertThat(city.channels().failed())
                    .as(city.channels().issues().toString())
                    .isZero();
            assertThat(city.channels().created() + city.channels().unchanged())
                    .isEqualTo(DevicePlan.VIDEO_CHANNELS_SMALL);
            assertThat(jdbc.sql("SELECT count(*) FROM iot_video_channel WHERE gb_id LIKE '110115%' AND name LIKE"
                                    + " '【合成】%'")
                            .query(Long.class)
                            .single())
                    .as("the district's cameras are registered")
                    .isGreaterThanOrEqualTo(DevicePlan.VIDEO_CHANNELS_SMALL);
            SimDevice child = city.devices().get(city.devices().size() - 1); // the least chatty: behind a gateway
            String childId = city.deviceId(child.serial());
            String gatewayId = jdbc.sql("SELECT parent_id FROM iot_device WHERE id = ?")
                    .param(childId)
                    .query(String.class)
                    .single();
            assertThat(jdbc.sql("SELECT type_code FROM iot_device WHERE id = ?")
                            .param(gatewayId)
                            .query(String.class)
                            .single())
                    .isEqualTo(GatewayPlan.GATEWAY_TYPE);
            long gateways = jdbc.sql("SELECT count(*) FROM iot_device WHERE type_code = 'gateway' AND serial LIKE"
                            + " 'SIM-GW-%'")
                    .query(Long.class)
                    .single();
            long tokens = jdbc.sql("SELECT count(DISTINCT c.device_id) FROM iot_device_credential c JOIN iot_device d"
                            + " ON d.id = c.device_id WHERE d.vendor = 'SIM-simulator'")
                    .query(Long.class)
                    .single();
            assertThat(tokens).as("only connected devices hold tokens").isLessThanOrEqualTo(80);
            assertThat(gateways).isPositive();

            clock.advance(Duration.ofHours(2)); // every device falls due at least once
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> city.stats().acknowledged() >= city.devices().size() / 2);
            assertThat(city.stats().failed()).as(city.stats().toString()).isZero();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql(
                                            "SELECT count(DISTINCT t.device_id) FROM iot_telemetry t JOIN iot_device d ON d.id ="
                                                    + " t.device_id WHERE d.parent_id IS NOT NULL")
                                    .query(Long.class)
                                    .single()
                            > 20);
        }
    }
}
