package org.cityos.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for servers that tests and benchmarks start; never the default 8080 or 1883.
 *
 * <p>Ports come from below Linux's ephemeral range (32768–60999), so an outgoing connection
 * cannot take one between the check and the server's bind, and a port is never handed out twice
 * by one JVM: asking the kernel for port 0 twice in a row may give the same port twice, which once
 * started a CityOS whose HTTP and MQTT servers wanted one port.
 */
public final class FreePorts {
    static final int LOWEST = 20_000;
    static final int HIGHEST = 32_767;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    public static int next() {
        return next(LOWEST, HIGHEST);
    }

    static int next(int lowest, int highest) {
        int span = highest - lowest + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = lowest + (start + i) % span;
            if (port != 8080 && port != 1883 && !GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + lowest + " and " + highest);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
