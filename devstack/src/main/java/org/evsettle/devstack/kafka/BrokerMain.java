package org.evsettle.devstack.kafka;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker's child JVM: runs Kafka and exits when its parent goes away (stdin
 * closes), so a killed devstack or test JVM never leaves a broker behind.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        Thread broker = new Thread(() -> kafka.Kafka.main(args), "kafka-main");
        broker.start();
        InputStream parent = System.in;
        while (parent.read() != -1) {
            // the parent never writes; read() returns -1 when it is gone
        }
        System.exit(0);
    }
}
