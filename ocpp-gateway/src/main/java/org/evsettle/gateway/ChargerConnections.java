package org.evsettle.gateway;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chargers connected to this gateway replica: at most one socket per chargePointId (a new
 * connection replaces the old one, which the caller closes), and per charger what it last told us:
 * when it connected and was last heard, its BootNotification, and each connector's last status.
 */
@ApplicationScoped
public class ChargerConnections {

    private final Map<String, WebSocketConnection> sockets = new ConcurrentHashMap<>();
    private final Map<String, ChargerState> states = new ConcurrentHashMap<>();

    /** Registers a new socket; returns the socket it replaces, which must be closed. */
    public Optional<WebSocketConnection> opened(String chargePointId, WebSocketConnection socket, Instant at) {
        WebSocketConnection previous = sockets.put(chargePointId, socket);
        state(chargePointId).connected(at);
        return Optional.ofNullable(previous).filter(p -> !p.id().equals(socket.id()));
    }

    /** Forgets a closed socket, unless a newer one of the same charger replaced it already. */
    public boolean closed(String chargePointId, WebSocketConnection socket) {
        boolean current = sockets.remove(chargePointId, socket);
        if (current) {
            state(chargePointId).disconnected();
        }
        return current;
    }

    public Optional<WebSocketConnection> socket(String chargePointId) {
        return Optional.ofNullable(sockets.get(chargePointId));
    }

    public void seen(String chargePointId, Instant at) {
        state(chargePointId).seen(at);
    }

    public void booted(String chargePointId, String vendor, String model, String firmwareVersion) {
        state(chargePointId).booted(vendor, model, firmwareVersion);
    }

    public void statusChanged(String chargePointId, ConnectorStatus status) {
        state(chargePointId).status(status);
    }

    public ConnectionSnapshot snapshot(String chargePointId) {
        ChargerState state = states.get(chargePointId);
        return state == null ? ConnectionSnapshot.never() : state.snapshot();
    }

    private ChargerState state(String chargePointId) {
        return states.computeIfAbsent(chargePointId, id -> new ChargerState());
    }

    /** One charger's mutable state; every change and read holds its lock, so a snapshot is consistent. */
    private static final class ChargerState {
        private boolean connected;
        private Instant connectedSince;
        private Instant lastSeen;
        private String vendor;
        private String model;
        private String firmwareVersion;
        private final Map<Integer, ConnectorStatus> connectors = new TreeMap<>();

        synchronized void connected(Instant at) {
            connected = true;
            connectedSince = at;
            lastSeen = at;
        }

        synchronized void disconnected() {
            connected = false;
        }

        synchronized void seen(Instant at) {
            lastSeen = at;
        }

        synchronized void booted(String vendor, String model, String firmwareVersion) {
            this.vendor = vendor;
            this.model = model;
            this.firmwareVersion = firmwareVersion;
        }

        synchronized void status(ConnectorStatus status) {
            connectors.put(status.connectorId(), status);
        }

        synchronized ConnectionSnapshot snapshot() {
            return new ConnectionSnapshot(connected, connectedSince, lastSeen, vendor, model, firmwareVersion,
                    connectors.values().stream().sorted(Comparator.comparingInt(ConnectorStatus::connectorId)).toList());
        }
    }
}
