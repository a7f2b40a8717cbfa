package org.evsettle.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.websockets.next.HttpUpgradeCheck.CheckResult;
import io.quarkus.websockets.next.HttpUpgradeCheck.HttpUpgradeContext;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import org.evsettle.events.Envelope;
import org.evsettle.gateway.ChargerCredentials;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.RegistryRecords;
import org.junit.jupiter.api.Test;

/** The order of the handshake's refusals, including 503 before the registry is read (not reachable in a running test). */
class ChargerHandshakeTest {

    private static final String PASSWORD = "0123456789ABCDEF0123";

    private final RegistryProjection registry = new RegistryProjection();
    private final ChargerHandshake handshake = new ChargerHandshake(registry, new ChargerCredentials(registry, 10),
            new CallDispatcher(instances(new Ocpp16Only()), instances(), new PendingCalls(), Clock.systemUTC()));

    @Test
    void refusesWith503UntilTheRegistryProjectionCaughtUp() {
        registry.apply(Envelope.of("user-service", RegistryRecords.aCharger(UUID.randomUUID(), "ZAP-1", PASSWORD)));

        CheckResult result = perform("ZAP-1", "ocpp1.6", basic("ZAP-1:" + PASSWORD));

        assertThat(result.isUpgradePermitted()).isFalse();
        assertThat(result.getHttpResponseCode()).isEqualTo(503);
        assertThat(result.getResponseHeaders()).containsKey("Retry-After");
    }

    @Test
    void refusesAMissingSubprotocolBeforeAnythingElse() {
        assertThat(perform("ZAP-1", null, basic("ZAP-1:" + PASSWORD)).getHttpResponseCode()).isEqualTo(400);
        assertThat(perform("ZAP-1", "ocpp2.0.1", null).getHttpResponseCode()).isEqualTo(400);
    }

    @Test
    void admitsTheRightPasswordOnceReadyAndChallengesEverythingElse() {
        registry.apply(Envelope.of("user-service", RegistryRecords.aCharger(UUID.randomUUID(), "ZAP-1", PASSWORD)));
        registry.markReady();

        assertThat(perform("ZAP-1", "ocpp1.6, ocpp2.0.1", basic("ZAP-1:" + PASSWORD)).isUpgradePermitted()).isTrue();
        CheckResult wrong = perform("ZAP-1", "ocpp1.6", basic("ZAP-1:not-the-password"));
        assertThat(wrong.getHttpResponseCode()).isEqualTo(401);
        assertThat(wrong.getResponseHeaders()).containsKey("WWW-Authenticate");
        assertThat(perform("ZAP-1", "ocpp1.6", null).getHttpResponseCode()).isEqualTo(401);
        assertThat(perform("ZAP-9", "ocpp1.6", basic("ZAP-9:" + PASSWORD)).getHttpResponseCode()).isEqualTo(401);
    }

    private CheckResult perform(String chargePointId, String subprotocols, String authorization) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (subprotocols != null) {
            headers.put("Sec-WebSocket-Protocol", subprotocols);
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        HttpServerRequest request = proxy(HttpServerRequest.class, (method, args) ->
                "getHeader".equals(method) ? headers.get(args[0].toString()) : null);
        HttpUpgradeContext context = proxy(HttpUpgradeContext.class, (method, args) -> switch (method) {
            case "pathParam" -> chargePointId;
            case "httpRequest" -> request;
            default -> null;
        });
        return handshake.perform(context).await().atMost(Duration.ofSeconds(10));
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    /** A stand-in that answers only the methods the handshake uses. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, BiFunction<String, Object[], Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answers.apply(method.getName(), args));
    }

    /** An {@link Instance} that can only be iterated, which is all the dispatcher does with one. */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    private static <T> Instance<T> instances(T... beans) {
        return proxy(Instance.class, (method, args) -> "iterator".equals(method) ? List.of(beans).iterator() : null);
    }

    private static final class Ocpp16Only implements ActionFamily {
        @Override
        public String subprotocol() {
            return "ocpp1.6";
        }

        @Override
        public List<OcppAction<?, ?>> actions() {
            return List.of();
        }
    }
}
