package org.evsettle.gateway.ocpp;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import org.evsettle.gateway.ChargerConnections;

/**
 * The OCPP-J endpoint chargers connect to, {@code ws://host:8081/ocpp/{chargePointId}} (admitted by
 * {@link ChargerHandshake}). Frames of one connection are processed one after the other, each
 * answered once its data is safe; nothing here blocks the event loop.
 */
@WebSocket(path = "/ocpp/{chargePointId}", endpointId = CentralSystemEndpoint.ID)
public class CentralSystemEndpoint {

    public static final String ID = "ocpp-central-system";
    static final String CHARGE_POINT_ID = "chargePointId";
    private static final CloseReason REPLACED = new CloseReason(1000, "Replaced by a newer connection");

    private final ChargerConnections connections;
    private final CallDispatcher dispatcher;
    private final PendingCalls pendingCalls;
    private final Clock clock;

    public CentralSystemEndpoint(ChargerConnections connections, CallDispatcher dispatcher, PendingCalls pendingCalls,
                                 Clock clock) {
        this.connections = connections;
        this.dispatcher = dispatcher;
        this.pendingCalls = pendingCalls;
        this.clock = clock;
    }

    @OnOpen
    @NonBlocking
    void onOpen(WebSocketConnection connection) {
        String chargePointId = connection.pathParam(CHARGE_POINT_ID);
        Log.infof("%s connected (%s, %s)", chargePointId, connection.subprotocol(), connection.id());
        connections.opened(chargePointId, connection, clock.instant()).ifPresent(previous -> {
            Log.infof("%s reconnected: closing its previous connection %s", chargePointId, previous.id());
            previous.close(REPLACED).subscribe().with(done -> { }, failure -> { });
        });
    }

    @OnTextMessage
    Uni<Void> onText(String text, WebSocketConnection connection) {
        String chargePointId = connection.pathParam(CHARGE_POINT_ID);
        connections.seen(chargePointId, clock.instant());
        return dispatcher.onFrame(connection.subprotocol(), chargePointId, text)
                .chain(answer -> answer == null ? Uni.createFrom().voidItem() : connection.sendText(answer))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Could not answer %s: %s", chargePointId, failure.toString());
                    return null;
                });
    }

    @OnClose
    @NonBlocking
    void onClose(WebSocketConnection connection) {
        String chargePointId = connection.pathParam(CHARGE_POINT_ID);
        if (connections.closed(chargePointId, connection)) {
            pendingCalls.abandon(chargePointId);
            Log.infof("%s disconnected (%s)", chargePointId, connection.closeReason());
        }
    }
}
