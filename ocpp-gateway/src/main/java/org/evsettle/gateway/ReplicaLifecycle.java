package org.evsettle.gateway;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * Keeps this replica's part of the shared presence true: registers the replica and refreshes its
 * heartbeat, writes when its chargers were last heard, closes a socket whose charger has since
 * connected to another replica (one connection per charger across replicas), and closes sockets
 * that showed no sign of life (no frame, no pong) for too long. On a clean stop it marks its
 * chargers disconnected.
 */
@ApplicationScoped
public class ReplicaLifecycle {

    static final CloseReason CLAIMED_ELSEWHERE = new CloseReason(1000, "Replaced by a newer connection");
    static final CloseReason SILENT = new CloseReason(1001, "No sign of life");

    private final ChargerPresence presence;
    private final ChargerConnections connections;
    private final GatewayReplica replica;
    private final Clock clock;
    private final Duration silentTimeout;
    private ScheduledExecutorService timer;

    public ReplicaLifecycle(ChargerPresence presence, ChargerConnections connections, GatewayReplica replica,
                            Clock clock, GatewaySettings settings) {
        this.presence = presence;
        this.connections = connections;
        this.replica = replica;
        this.clock = clock;
        this.silentTimeout = settings.silentTimeout();
    }

    void start(@Observes StartupEvent startup) {
        presence.start();
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "replica-lifecycle");
            thread.setDaemon(true);
            return thread;
        });
        long period = replica.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
        Log.infof("Gateway replica %s started", replica.id());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            presence.leave();
        } catch (RuntimeException e) {
            Log.warnf("Could not mark this replica's chargers disconnected: %s", e.toString());
        }
        presence.stop();
    }

    /** One round: heartbeat, last-seen, sockets claimed elsewhere, silent sockets. Never throws. */
    void tick() {
        try {
            presence.heartbeat();
            presence.seen(connections.takeUnsavedSeen());
            closeClaimedElsewhere();
            closeSilent();
        } catch (RuntimeException e) {
            Log.warnf("Replica upkeep failed, retrying: %s", e.toString());
        }
    }

    private void closeClaimedElsewhere() {
        Map<String, Instant> claimed = presence.claimedElsewhere(connections.chargePointIds());
        claimed.forEach((chargePointId, claimedAt) -> connections.held(chargePointId)
                .filter(held -> held.connectedAt().isBefore(claimedAt) && !held.socket().isClosed())
                .ifPresent(held -> {
                    Log.debugf("%s connected to another replica: closing connection %s", chargePointId,
                            held.socket().id());
                    connections.superseded(held.socket().id());
                    held.socket().close(CLAIMED_ELSEWHERE).subscribe().with(done -> { }, failure -> { });
                }));
    }

    private void closeSilent() {
        Instant limit = clock.instant().minus(silentTimeout);
        for (String chargePointId : connections.chargePointIds()) {
            connections.held(chargePointId)
                    .filter(held -> connections.lastSeen(chargePointId).orElse(held.connectedAt()).isBefore(limit))
                    .filter(held -> !held.socket().isClosed())
                    .ifPresent(held -> {
                        Log.debugf("%s showed no sign of life for %s: closing connection %s", chargePointId,
                                silentTimeout, held.socket().id());
                        connections.closeForGatewayReason(held.socket(), SILENT);
                    });
        }
    }
}
