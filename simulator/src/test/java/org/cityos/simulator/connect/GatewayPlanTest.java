package org.cityos.simulator.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.SimDevice;
import org.junit.jupiter.api.Test;

class GatewayPlanTest {
    private static List<SimDevice> devices(int n) {
        List<SimDevice> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GeoPoint at = GeoPoint.of(116.25 + (i % 37) * 0.007, 39.55 + (i / 37) * 0.003);
            out.add(new SimDevice("SIM-D-" + i, "rain-gauge", "设备" + i, at, "110115001000", null, null, 0));
        }
        return out;
    }

    @Test
    void withinTheBudgetEveryDeviceConnectsDirectly() {
        GatewayPlan plan = GatewayPlan.of(devices(300), 500, 200);
        assertThat(plan.direct()).hasSize(300);
        assertThat(plan.gateways()).isEmpty();
        assertThat(plan.gatewayOf()).isEmpty();
    }

    @Test
    void noMqttMeansNoDirectDevicesAndNoGateways() {
        GatewayPlan plan = GatewayPlan.of(devices(300), 0, 200);
        assertThat(plan.direct()).isEmpty();
        assertThat(plan.gateways()).isEmpty();
    }

    @Test
    void theChattiestConnectAndTheRestShareGatewaysWithinTheBudget() {
        List<SimDevice> all = devices(10_000);
        GatewayPlan plan = GatewayPlan.of(all, 1_000, 200);
        assertThat(plan.direct().size() + plan.gateways().size()).isLessThanOrEqualTo(1_000);
        assertThat(plan.direct()).isEqualTo(all.subList(0, plan.direct().size()));
        Set<String> children = new HashSet<>(plan.gatewayOf().keySet());
        assertThat(children).hasSize(all.size() - plan.direct().size());
        plan.direct().forEach(d -> assertThat(children).doesNotContain(d.serial()));
        Map<String, Long> perGateway =
                plan.gatewayOf().values().stream().collect(Collectors.groupingBy(g -> g, Collectors.counting()));
        assertThat(perGateway.values()).allMatch(n -> n <= 200);
        assertThat(perGateway.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        plan.gateways().stream().map(SimDevice::serial).toList());
        assertThat(plan.gateways()).allMatch(g -> g.type().equals(GatewayPlan.GATEWAY_TYPE));
        assertThat(GatewayPlan.of(all, 1_000, 200))
                .as("the same input gives the same plan")
                .isEqualTo(plan);
    }

    @Test
    void aGatewayServesNeighbours() {
        GatewayPlan plan = GatewayPlan.of(devices(4_000), 100, 200);
        Map<String, SimDevice> bySerial = devices(4_000).stream().collect(Collectors.toMap(SimDevice::serial, d -> d));
        for (SimDevice gateway : plan.gateways()) {
            double farthest = plan.gatewayOf().entrySet().stream()
                    .filter(e -> e.getValue().equals(gateway.serial()))
                    .mapToDouble(e -> bySerial.get(e.getKey()).at().distanceTo(gateway.at()))
                    .max()
                    .orElseThrow();
            assertThat(farthest).as(gateway.serial()).isLessThan(15_000);
        }
    }

    @Test
    void tooManyDevicesForTheBudgetAreRefused() {
        assertThatThrownBy(() -> GatewayPlan.of(devices(1_000), 3, 200)).isInstanceOf(IllegalArgumentException.class);
    }
}
