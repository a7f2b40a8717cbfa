package org.evsettle.gateway.ocpp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.ChargerConnected;
import org.evsettle.events.ocpp.ChargerDisconnected;
import org.evsettle.gateway.Admission;
import org.evsettle.gateway.AdmissionReview;
import org.evsettle.gateway.ChargerConnections;
import org.evsettle.gateway.ChargerPresence;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.v201.Ocpp201;
import org.evsettle.gateway.ocpp.v201.StationReconnects;

/**
 * The OCPP-J endpoint chargers connect to, {@code ws://host:8081/ocpp/{chargePointId}} (admitted by
 * {@link ChargerHandshake}; on an alias of a charger the connection is that charger's, under its own id). Frames of one connection are processed one after the other, each
 * answered once its data is safe; nothing here blocks the event loop. Opening and closing are
 * published as {@code ChargerConnected} and {@code ChargerDisconnected} and recorded as the
 * charger's presence; pongs (the server pings every connection) count as a sign of life. At fleet
 * scale connections come and go all the time: they are logged at DEBUG and counted
 * ({@code ocpp_connections_opened_total}, {@code ocpp_connections_closed_total} by reason, and
 * {@code ocpp_connections_errors_total}).
 */
@WebSocket(path = "/ocpp/{chargePointId}", endpointId = CentralSystemEndpoint.ID)
public class CentralSystemEndpoint {

    public static final String ID = "ocpp-central-system";
    static final String CHARGE_POINT_ID = "chargePointId";
    public static final CloseReason REPLACED = new CloseReason(1000, "Replaced by a newer connection");
    /** RFC 6455 section 8.1: a text frame that is not UTF-8 fails the connection. */
    static final CloseReason NOT_UTF8 = new CloseReason(1007, "A text frame must be valid UTF-8");
    /** What the HTTP server puts in place of each byte sequence that is not UTF-8 when it decodes a text frame. */
    private static final char REPLACEMENT = '\uFFFD';

    private final ChargerConnections connections;
    private final ChargerPresence presence;
    private final CallDispatcher dispatcher;
    private final PendingCalls pendingCalls;
    private final OcppEventPublisher publisher;
    private final Clock clock;
    private final Counter opened;
    private final Counter errors;
    private final MeterRegistry meters;
    // a field, not a constructor parameter: the 2.0.1 station side changes this constructor too
    @Inject
    StationReconnects stationReconnects;

    public CentralSystemEndpoint(ChargerConnections connections, ChargerPresence presence, CallDispatcher dispatcher,
                                 PendingCalls pendingCalls, OcppEventPublisher publisher, Clock clock,
                                 MeterRegistry meters) {
        this.connections = connections;
        this.presence = presence;
        this.dispatcher = dispatcher;
        this.pendingCalls = pendingCalls;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.opened = Counter.builder("ocpp.connections.opened").description("Charger connections opened").register(meters);
        this.errors = Counter.builder("ocpp.connections.errors")
                .description("Charger connections that failed (an oversized frame, a broken socket)").register(meters);
    }

    @OnOpen
    @NonBlocking
    void onOpen(WebSocketConnection connection) {
        Admission admission = admissionOf(connection);
        String chargePointId = admission.chargePointId();
        Instant at = clock.instant();
        String remoteAddress = connection.handshakeRequest().remoteAddress();
        Log.debugf("%s connected from %s (%s, %s)", chargePointId, remoteAddress, connection.subprotocol(), connection.id());
        opened.increment();
        connections.opened(chargePointId, connection, admission, at).ifPresent(previous -> {
            Log.debugf("%s reconnected: closing its previous connection %s", chargePointId, previous.id());
            // announced here, before the new connection, so that the last event says "connected"
            publisher.publishInBackground(EventIds.nameBased(chargePointId, previous.id(), "charger-disconnected"),
                    new ChargerDisconnected(chargePointId, REPLACED.getCode(), REPLACED.getMessage(), at), at);
            connections.superseded(previous.id());
            previous.close(REPLACED).subscribe().with(done -> { }, failure -> { });
        });
        presence.claimed(chargePointId, connection.id(), connection.subprotocol(), at);
        publisher.publishInBackground(EventIds.nameBased(chargePointId, connection.id(), "charger-connected"),
                new ChargerConnected(chargePointId, connection.subprotocol(), remoteAddress, at), at);
        if (Ocpp201.SUBPROTOCOL.equals(connection.subprotocol())) {
            stationReconnects.connected(chargePointId);
        }
    }

    @OnTextMessage
    Uni<Void> onText(String text, WebSocketConnection connection) {
        Admission admission = admissionOf(connection);
        String chargePointId = admission.chargePointId();
        connections.seen(chargePointId, clock.instant());
        if (text.indexOf(REPLACEMENT) >= 0) {
            // the server hands text over decoded, with U+FFFD for bytes that are not UTF-8; no OCPP field
            // has a use for that character, so a frame with it is taken as invalid rather than as its data
            Log.debugf("Closed %s (%s): a text frame that is not valid UTF-8", chargePointId, connection.id());
            meters.counter("ocpp.frames.discarded", "reason", "not-utf8").increment();
            return connection.close(NOT_UTF8);
        }
        return dispatcher.onFrame(connection.subprotocol(), chargePointId, admission, text)
                .chain(answer -> answer == null ? Uni.createFrom().voidItem() : connection.sendText(answer))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Could not answer %s: %s", chargePointId, failure.toString());
                    return null;
                });
    }

    @OnPongMessage
    @NonBlocking
    void onPong(Buffer data, WebSocketConnection connection) {
        connections.seen(admissionOf(connection).chargePointId(), clock.instant());
    }

    @OnError
    @NonBlocking
    void onError(Throwable failure, WebSocketConnection connection) {
        // an oversized frame or a broken socket: the connection closes, the gateway carries on
        Log.debugf("Connection %s of %s failed: %s", connection.id(), admissionOf(connection).chargePointId(),
                failure.toString());
        errors.increment();
    }

    @OnClose
    @NonBlocking
    void onClose(WebSocketConnection connection) {
        String chargePointId = admissionOf(connection).chargePointId();
        Instant at = clock.instant();
        // a socket the gateway closed (a silent charger) is announced with the gateway's reason, not
        // with the abnormal end (1006) of a charger that never answered the close handshake
        Optional<CloseReason> byGateway = connections.takeGatewayCloseReason(connection.id());
        CloseReason reason = byGateway.orElse(connection.closeReason());
        Integer code = reason == null ? null : reason.getCode();
        String message = reason == null ? null : reason.getMessage();
        boolean superseded = connections.wasSuperseded(connection.id());
        if (connections.closed(chargePointId, connection)) {
            pendingCalls.abandon(chargePointId);
        }
        if (superseded) {
            // a newer connection (here or on another replica) took over and was announced already
            Log.debugf("%s: superseded connection %s closed", chargePointId, connection.id());
            closed("replaced");
            return;
        }
        presence.released(chargePointId, connection.id(), at);
        Log.debugf("%s disconnected (%s)", chargePointId, reason);
        closed(byGateway.map(gateway -> gateway.getCode() == AdmissionReview.POLICY_VIOLATION ? "revoked" : "silent")
                .orElse("ended"));
        publisher.publishInBackground(EventIds.nameBased(chargePointId, connection.id(), "charger-disconnected"),
                new ChargerDisconnected(chargePointId, code, message, at), at);
    }

    /** Counts a closed connection: replaced by a newer one, closed by the gateway for silence, or ended by the charger. */
    private void closed(String reason) {
        meters.counter("ocpp.connections.closed", "reason", reason).increment();
    }

    /**
     * What the handshake admitted, with the charger's own chargePointId: a charger that connected on one of
     * its aliases is that charger in every event and connection (a client certificate admits the path's id).
     */
    private static Admission admissionOf(WebSocketConnection connection) {
        Admission admission = connection.userData().get(ChargerHandshake.ADMISSION);
        return admission != null ? admission : Admission.registered(connection.pathParam(CHARGE_POINT_ID));
    }
}
