package org.cityos.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void neverGivesOnePortTwiceNorTheDefaults() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            int port = FreePorts.next();
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
            assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.HIGHEST).isNotIn(8080, 1883);
        }
    }

    @Test
    void skipsAPortAnotherServerHoldsAndGivesUpWhenNoneIsLeft() throws IOException {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(FreePorts.next()));
            int taken = held.getLocalPort();
            int neighbour = FreePorts.next(taken, taken + 1);
            assertThat(neighbour).isEqualTo(taken + 1);
            assertThatThrownBy(() -> FreePorts.next(taken, taken + 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no free port");
        }
    }
}
