package org.evsettle.devstack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void refusesATakenPortNamingItAndItsUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "Kafka"))
                    .isInstanceOf(DevStackException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " (Kafka) is already in use");
        }
    }

    @Test
    void acceptsAFreePort() {
        assertThatCode(() -> Ports.requireFree(Ports.free(), "PostgreSQL")).doesNotThrowAnyException();
    }
}
