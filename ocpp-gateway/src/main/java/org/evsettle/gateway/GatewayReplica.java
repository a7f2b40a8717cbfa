package org.evsettle.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * This gateway process among the replicas that share the database: its id (configured, or the host
 * name with a random suffix, so that a restarted process is a new replica) and how often it proves
 * it is alive. A replica whose heartbeat is older than three intervals counts as gone.
 */
@ApplicationScoped
public class GatewayReplica {

    private final String id;
    private final Duration heartbeat;

    public GatewayReplica(GatewaySettings settings) {
        this.id = settings.replicaId().filter(s -> !s.isBlank()).orElseGet(GatewayReplica::generatedId);
        this.heartbeat = settings.replicaHeartbeat();
    }

    public String id() {
        return id;
    }

    public Duration heartbeat() {
        return heartbeat;
    }

    /** How old a heartbeat may be before its replica counts as gone. */
    public Duration deadAfter() {
        return heartbeat.multipliedBy(3);
    }

    private static String generatedId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "gateway";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
