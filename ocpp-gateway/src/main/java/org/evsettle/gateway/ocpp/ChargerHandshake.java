package org.evsettle.gateway.ocpp;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.evsettle.gateway.Admission;
import org.evsettle.gateway.ChargerCredentials;
import org.evsettle.gateway.HandshakeLimiter;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * Admits a charger at the WebSocket handshake, before any OCPP frame: 400 for a chargePointId that
 * is not 1 to 48 printable characters or a client that offers none of our OCPP subprotocols, 503
 * while the registry projection has not caught up (the charger retries), 401 when the HTTP Basic
 * credentials are missing or wrong, or the charger is unknown (without a valid enrollment key) or
 * decommissioned (these look alike, so that nothing is revealed), 429 with Retry-After beyond a
 * limit of failed checks or enrolments ({@link HandshakeLimiter}). What it decided travels with the
 * connection as its {@link Admission}. Refusals are routine at fleet scale (a charger with an old
 * password retries for ever): they are logged at DEBUG and counted as
 * {@code ocpp_handshakes_refused_total} by reason.
 */
@ApplicationScoped
public class ChargerHandshake implements HttpUpgradeCheck {

    public static final TypedKey<Admission> ADMISSION = new TypedKey<>("evsettle.admission");
    static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate", List.of("Basic realm=\"OCPP\""));
    static final Map<String, List<String>> RETRY_LATER = Map.of("Retry-After", List.of("10"));
    /** OCPP's chargeBoxIdentity: printable, no spaces or slashes, 48 characters at most. */
    private static final Pattern CHARGE_POINT_ID = Pattern.compile("[\\x21-\\x7E&&[^/\\\\]]{1,48}");

    private final RegistryProjection registry;
    private final ChargerCredentials credentials;
    private final CallDispatcher dispatcher;
    private final MeterRegistry meters;
    private final ClientCertificateCheck certificates;
    private final GatewaySettings settings;

    public ChargerHandshake(RegistryProjection registry, ChargerCredentials credentials, CallDispatcher dispatcher,
                            MeterRegistry meters, ClientCertificateCheck certificates, GatewaySettings settings) {
        this.settings = settings;
        this.certificates = certificates;
        this.registry = registry;
        this.credentials = credentials;
        this.dispatcher = dispatcher;
        this.meters = meters;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return CentralSystemEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        String chargePointId = context.pathParam(CentralSystemEndpoint.CHARGE_POINT_ID);
        if (!isValidChargePointId(chargePointId)) {
            Log.debugf("Refused a handshake with an invalid chargePointId: %s", printable(chargePointId));
            return refused("invalid-charge-point-id", CheckResult.rejectUpgrade(400));
        }
        String offered = request.getHeader(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL);
        Optional<String> subprotocol = SubprotocolChoice.choose(offered, dispatcher.subprotocols(),
                settings.ocpp201Enabled() && operatorAllows201(chargePointId));
        if (subprotocol.isEmpty()) {
            Log.debugf("Refused %s: no supported OCPP subprotocol offered (%s)", chargePointId, printable(offered));
            return refused("no-subprotocol", CheckResult.rejectUpgrade(400));
        }
        // the server takes the first of the client's list it speaks: leave only ours, so our preference wins
        request.headers().set(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL, subprotocol.get());
        if (!registry.isReady()) {
            return refused("registry-not-ready", CheckResult.rejectUpgrade(503, RETRY_LATER));
        }
        // security profile 3: a client certificate decides on its own, before Basic (ClientCertificateCheck)
        return certificates.check(context, chargePointId).chain(verdict -> switch (verdict) {
            case ADMITTED -> CheckResult.permitUpgrade();
            case REFUSED -> refused("client-certificate", CheckResult.rejectUpgrade(401, CHALLENGE));
            case UNAVAILABLE -> refused("busy", CheckResult.rejectUpgrade(503, RETRY_LATER));
            case BASIC -> basic(context, request, chargePointId);
        });
    }

    private Uni<CheckResult> basic(HttpUpgradeContext context, HttpServerRequest request, String chargePointId) {
        Optional<String> password = BasicCredentials.passwordOf(request.getHeader("Authorization"), chargePointId);
        if (password.isEmpty()) {
            Log.debugf("Refused %s: no Basic credentials for this chargePointId", chargePointId);
            return refused("no-credentials", CheckResult.rejectUpgrade(401, CHALLENGE));
        }
        return credentials.admit(chargePointId, password.get(), remoteAddressOf(request))
                .map(admission -> {
                    if (admission.isEmpty()) {
                        Log.debugf("Refused %s: unknown, decommissioned, or wrong password", chargePointId);
                        count("not-admitted");
                        return CheckResult.rejectUpgradeSync(401, CHALLENGE);
                    }
                    if (admission.get().enrolling()) {
                        Log.infof("Admitted unknown charger %s with the enrollment key of operator %s", chargePointId,
                                admission.get().enrollmentOperatorId());
                    }
                    context.userData().put(ADMISSION, admission.get());
                    return CheckResult.permitUpgradeSync();
                })
                .onFailure(ChargerCredentials.Limited.class).recoverWithItem(limited -> {
                    Log.debugf("Refused %s from %s: too many failed handshakes", chargePointId, remoteAddressOf(request));
                    count("limited");
                    long seconds = HandshakeLimiter.retryAfterSeconds(((ChargerCredentials.Limited) limited).retryAfter());
                    return CheckResult.rejectUpgradeSync(429, Map.of("Retry-After", List.of(Long.toString(seconds))));
                })
                .onFailure(ChargerCredentials.Busy.class).recoverWithItem(busy -> {
                    Log.debugf("Asked %s to retry later: too many password checks in progress", chargePointId);
                    count("busy");
                    return CheckResult.rejectUpgradeSync(503, RETRY_LATER);
                });
    }

    private Uni<CheckResult> refused(String reason, Uni<CheckResult> result) {
        count(reason);
        return result;
    }

    private void count(String reason) {
        meters.counter("ocpp.handshakes.refused", "reason", reason).increment();
    }

    /**
     * The address the connection comes from, as the HTTP server sees it: the socket's peer, unless
     * Quarkus is told to trust a proxy's forwarding headers ({@code quarkus.http.proxy.*}, off by default).
     */
    private static String remoteAddressOf(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    static boolean isValidChargePointId(String chargePointId) {
        return chargePointId != null && CHARGE_POINT_ID.matcher(chargePointId).matches();
    }

    /** The charger's operator's ChargerSettings.ocpp201Allowed; an unknown charger (enrolling) follows the default. */
    private boolean operatorAllows201(String chargePointId) {
        return registry.charger(chargePointId)
                .flatMap(charger -> registry.operator(charger.operatorId()))
                .map(operator -> operator.chargerSettings().ocpp201Allowed())
                .orElse(true);
    }

    private static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
