package org.cityos.simulator.connect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.SimDevice;

/**
 * Which devices hold an MQTT connection of their own and which report through a gateway, as a district's IoT does
 * within a platform's connection budget: the chattiest devices connect directly; the others, near each other, share
 * a gateway (an IoT gateway device registered as their parent) so that direct devices plus gateways stay within
 * {@code maxConnections}. The same devices and budget always give the same plan, so a second load finds every
 * gateway registered already.
 *
 * @param direct devices with their own connection
 * @param gateways the gateway devices (type {@value #GATEWAY_TYPE}), each with its own connection
 * @param gatewayOf child serial → the serial of the gateway it reports through
 */
public record GatewayPlan(List<SimDevice> direct, List<SimDevice> gateways, Map<String, String> gatewayOf) {
    public static final String GATEWAY_TYPE = "gateway";
    /** Children per gateway: a few hundred sensors per LoRa or NB-IoT concentrator is typical. */
    public static final int CHILDREN_PER_GATEWAY = 200;
    /** Children are grouped within cells of this size (degrees, ≈ 2 km), so a gateway serves one neighbourhood. */
    private static final double CELL = 0.02;

    public GatewayPlan {
        direct = List.copyOf(direct);
        gateways = List.copyOf(gateways);
        gatewayOf = Map.copyOf(gatewayOf);
    }

    /**
     * @param byChattiness the devices, chattiest (shortest reporting interval) first
     * @param maxConnections the connection budget; 0 means no MQTT at all (every device pushes over HTTP)
     */
    public static GatewayPlan of(List<SimDevice> byChattiness, int maxConnections, int childrenPerGateway) {
        if (maxConnections == 0 || byChattiness.size() <= maxConnections) {
            return new GatewayPlan(
                    byChattiness.subList(0, Math.min(maxConnections, byChattiness.size())), List.of(), Map.of());
        }
        if (childrenPerGateway < 2) {
            throw new IllegalArgumentException("a gateway serves at least 2 devices");
        }
        int gatewayCount = 1;
        while (gatewayCount < maxConnections
                && (long) gatewayCount * childrenPerGateway < byChattiness.size() - (maxConnections - gatewayCount)) {
            gatewayCount++;
        }
        int directCount = maxConnections - gatewayCount;
        if (directCount < 0 || (long) gatewayCount * childrenPerGateway < byChattiness.size() - directCount) {
            throw new IllegalArgumentException(byChattiness.size() + " devices do not fit " + maxConnections
                    + " connections with " + childrenPerGateway + " devices per gateway");
        }
        List<SimDevice> children = new ArrayList<>(byChattiness.subList(directCount, byChattiness.size()));
        children.sort(Comparator.comparingLong((SimDevice d) -> cell(d.at())).thenComparing(SimDevice::serial));
        int perGateway = (children.size() + gatewayCount - 1) / gatewayCount;
        List<SimDevice> gateways = new ArrayList<>();
        Map<String, String> gatewayOf = new HashMap<>();
        for (int from = 0, n = 1; from < children.size(); from += perGateway, n++) {
            List<SimDevice> group = children.subList(from, Math.min(children.size(), from + perGateway));
            SimDevice gateway = gateway(n, group);
            gateways.add(gateway);
            group.forEach(child -> gatewayOf.put(child.serial(), gateway.serial()));
        }
        return new GatewayPlan(byChattiness.subList(0, directCount), gateways, gatewayOf);
    }

    /** Every device that needs a token of its own: the direct ones and the gateways. */
    public List<SimDevice> connected() {
        List<SimDevice> all = new ArrayList<>(direct);
        all.addAll(gateways);
        return all;
    }

    private static SimDevice gateway(int n, List<SimDevice> children) {
        double lon = children.stream().mapToDouble(d -> d.at().lon()).average().orElseThrow();
        double lat = children.stream().mapToDouble(d -> d.at().lat()).average().orElseThrow();
        // At the child nearest the group's centre, so the gateway stands inside the district like its children.
        SimDevice site = children.stream()
                .min(Comparator.comparingDouble(d -> Math.hypot(d.at().lon() - lon, d.at().lat() - lat)))
                .orElseThrow();
        String number = String.format(java.util.Locale.ROOT, "%05d", n);
        return new SimDevice(
                "SIM-GW-" + number, GATEWAY_TYPE, "模拟物联网关" + number, site.at(), site.division(), null, null, 0);
    }

    private static long cell(GeoPoint p) {
        return (long) Math.floor(p.lat() / CELL) * 100_000L + (long) Math.floor(p.lon() / CELL);
    }
}
