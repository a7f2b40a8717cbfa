package org.evsettle.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chargers connected to this gateway replica: at most one socket per chargePointId (a new
 * connection replaces the old one, which the caller closes), why it was admitted, and when it was
 * last heard (a frame or a pong). Lock-free; what other replicas should know goes to {@link ChargerPresence}.
 * How many sockets it holds is the gauge {@code ocpp_connections}.
 */
@ApplicationScoped
public class ChargerConnections {

    private final Map<String, Held> sockets = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Instant> unsavedSeen = new ConcurrentHashMap<>();
    private final Set<String> superseded = ConcurrentHashMap.newKeySet();
    private final Map<String, CloseReason> closedByGateway = new ConcurrentHashMap<>();

    public ChargerConnections(MeterRegistry meters) {
        Gauge.builder("ocpp.connections", sockets, Map::size)
                .description("Charger sockets this replica holds")
                .register(meters);
    }

    /** A socket this replica holds, with its admission and when it opened. */
    public record Held(WebSocketConnection socket, Admission admission, Instant connectedAt) {
    }

    /** Registers a new socket; returns the socket it replaces, which must be closed. */
    public Optional<WebSocketConnection> opened(String chargePointId, WebSocketConnection socket, Admission admission,
                                                Instant at) {
        Held previous = sockets.put(chargePointId, new Held(socket, admission, at));
        lastSeen.put(chargePointId, at);
        return Optional.ofNullable(previous).map(Held::socket).filter(p -> !p.id().equals(socket.id()));
    }

    /** Forgets a closed socket, unless a newer one of the same charger replaced it already. */
    public boolean closed(String chargePointId, WebSocketConnection socket) {
        Held held = sockets.get(chargePointId);
        boolean current = held != null && held.socket().id().equals(socket.id()) && sockets.remove(chargePointId, held);
        if (current) {
            lastSeen.remove(chargePointId);
            unsavedSeen.remove(chargePointId);
        }
        return current;
    }

    /** Marks a connection that a newer one of the same charger replaced: its close is no disconnect. */
    public void superseded(String connectionId) {
        superseded.add(connectionId);
    }

    /** True (once) for a connection marked superseded. */
    public boolean wasSuperseded(String connectionId) {
        return superseded.remove(connectionId);
    }

    /**
     * Closes a socket for a reason of the gateway's own (a silent charger). The close is remembered,
     * so that the disconnect names it even when the charger never answers the close handshake and the
     * socket ends abnormally (1006) later; a socket already closing is left alone.
     */
    public void closeForGatewayReason(WebSocketConnection socket, CloseReason reason) {
        if (socket.isClosed() || closedByGateway.putIfAbsent(socket.id(), reason) != null) {
            return;
        }
        socket.close(reason).subscribe().with(done -> { }, failure -> { });
    }

    /** The reason the gateway closed this connection for, if it did (once). */
    public Optional<CloseReason> takeGatewayCloseReason(String connectionId) {
        return Optional.ofNullable(closedByGateway.remove(connectionId));
    }

    public Optional<WebSocketConnection> socket(String chargePointId) {
        return Optional.ofNullable(sockets.get(chargePointId)).map(Held::socket);
    }

    public Optional<Held> held(String chargePointId) {
        return Optional.ofNullable(sockets.get(chargePointId));
    }

    public boolean holds(String chargePointId) {
        return sockets.containsKey(chargePointId);
    }

    public Set<String> chargePointIds() {
        return Set.copyOf(sockets.keySet());
    }

    public int count() {
        return sockets.size();
    }

    public void seen(String chargePointId, Instant at) {
        lastSeen.put(chargePointId, at);
        unsavedSeen.put(chargePointId, at);
    }

    public Optional<Instant> lastSeen(String chargePointId) {
        return Optional.ofNullable(lastSeen.get(chargePointId));
    }

    /** The last-seen times not yet written to the database, taken (the next call returns only newer ones). */
    public Map<String, Instant> takeUnsavedSeen() {
        Map<String, Instant> taken = new HashMap<>();
        for (String chargePointId : Set.copyOf(unsavedSeen.keySet())) {
            Instant at = unsavedSeen.remove(chargePointId);
            if (at != null && sockets.containsKey(chargePointId)) {
                taken.put(chargePointId, at);
            }
        }
        return taken;
    }
}
