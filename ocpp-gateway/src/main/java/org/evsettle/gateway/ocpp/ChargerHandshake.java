package org.evsettle.gateway.ocpp;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.evsettle.gateway.ChargerCredentials;
import org.evsettle.gateway.RegistryProjection;

/**
 * Admits a charger at the WebSocket handshake, before any OCPP frame: 400 when it offers none of our
 * OCPP subprotocols, 503 while the registry projection has not caught up (the charger retries),
 * 401 when the HTTP Basic credentials are missing or wrong or the charger is unknown or not ACTIVE
 * (the three look alike, so that nothing is revealed).
 */
@ApplicationScoped
public class ChargerHandshake implements HttpUpgradeCheck {

    static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate", List.of("Basic realm=\"OCPP\""));
    static final Map<String, List<String>> RETRY_LATER = Map.of("Retry-After", List.of("10"));

    private final RegistryProjection registry;
    private final ChargerCredentials credentials;
    private final CallDispatcher dispatcher;

    public ChargerHandshake(RegistryProjection registry, ChargerCredentials credentials, CallDispatcher dispatcher) {
        this.registry = registry;
        this.credentials = credentials;
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return CentralSystemEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        String chargePointId = context.pathParam(CentralSystemEndpoint.CHARGE_POINT_ID);
        if (!offersSupportedSubprotocol(request.getHeader(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL))) {
            Log.infof("Refused %s: no supported OCPP subprotocol offered (%s)", chargePointId,
                    request.getHeader(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL));
            return CheckResult.rejectUpgrade(400);
        }
        if (!registry.isReady()) {
            return CheckResult.rejectUpgrade(503, RETRY_LATER);
        }
        Optional<String> password = BasicCredentials.passwordOf(request.getHeader("Authorization"), chargePointId);
        if (password.isEmpty()) {
            Log.infof("Refused %s: no Basic credentials for this chargePointId", chargePointId);
            return CheckResult.rejectUpgrade(401, CHALLENGE);
        }
        return credentials.verify(chargePointId, password.get())
                .emitOn(callersContext())
                .map(admitted -> {
                    if (admitted) {
                        return CheckResult.permitUpgradeSync();
                    }
                    Log.infof("Refused %s: unknown, not active, or wrong password", chargePointId);
                    return CheckResult.rejectUpgradeSync(401, CHALLENGE);
                });
    }

    private boolean offersSupportedSubprotocol(String offered) {
        return offered != null && Arrays.stream(offered.split(","))
                .map(String::trim)
                .anyMatch(dispatcher.subprotocols()::contains);
    }

    /** The result goes back to the event loop the handshake came in on (the password may be hashed on a worker). */
    private static Executor callersContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }
}
