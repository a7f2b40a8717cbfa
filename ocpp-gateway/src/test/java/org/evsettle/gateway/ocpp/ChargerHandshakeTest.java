package org.evsettle.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.websockets.next.HttpUpgradeCheck.CheckResult;
import io.quarkus.websockets.next.HttpUpgradeCheck.HttpUpgradeContext;
import io.quarkus.websockets.next.UserData;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.gateway.Admission;
import org.evsettle.gateway.ChargerCertificateAuthority;
import org.evsettle.gateway.ChargerCredentials;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.RegistryRecords;
import org.evsettle.gateway.TestSettings;
import org.junit.jupiter.api.Test;

/** The order of the handshake's refusals, including 503 before the registry is read (not reachable in a running test). */
class ChargerHandshakeTest {

    private static final String PASSWORD = "0123456789ABCDEF0123";

    private final RegistryProjection registry = new RegistryProjection();
    private Admission lastAdmission;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ChargerHandshake handshake = new ChargerHandshake(registry,
            new ChargerCredentials(registry, TestSettings.defaults()),
            new CallDispatcher(instances(new Family("ocpp1.6"), new Family("ocpp2.0.1")), instances(), new PendingCalls(),
                    Clock.systemUTC(), meters),
            meters, withoutChargerCa(registry), TestSettings.defaults());
    /** The subprotocols left in the request's header for the server's own negotiation. */
    private final MultiMap requestHeaders = MultiMap.caseInsensitiveMultiMap();

    /** Security profile 3 off (no charger CA): the certificate check leaves every charger to Basic. */
    private static ClientCertificateCheck withoutChargerCa(RegistryProjection registry) {
        return new ClientCertificateCheck(new ChargerCertificateAuthority(TestSettings.defaults(), Clock.systemUTC()),
                null, registry, Clock.systemUTC());
    }

    @Test
    void refusesWith503UntilTheRegistryProjectionCaughtUp() {
        RegistryRecords.feed(registry, RegistryRecords.aCharger(UUID.randomUUID(), "ZAP-1", PASSWORD));

        CheckResult result = perform("ZAP-1", "ocpp1.6", basic("ZAP-1:" + PASSWORD));

        assertThat(result.isUpgradePermitted()).isFalse();
        assertThat(result.getHttpResponseCode()).isEqualTo(503);
        assertThat(result.getResponseHeaders()).containsKey("Retry-After");
        assertThat(meters.counter("ocpp.handshakes.refused", "reason", "registry-not-ready").count()).isEqualTo(1);
    }

    @Test
    void refusesAMissingSubprotocolBeforeAnythingElse() {
        assertThat(perform("ZAP-1", null, basic("ZAP-1:" + PASSWORD)).getHttpResponseCode()).isEqualTo(400);
        assertThat(perform("ZAP-1", "ocpp1.5", null).getHttpResponseCode()).isEqualTo(400);
    }

    @Test
    void leavesOnly201InTheHeaderWhenOfferedInAnyOrder() {
        RegistryRecords.feed(registry, RegistryRecords.aCharger(UUID.randomUUID(), "ZAP-1", PASSWORD));
        registry.markReady();

        assertThat(perform("ZAP-1", "ocpp1.6, ocpp2.0.1", basic("ZAP-1:" + PASSWORD)).isUpgradePermitted()).isTrue();

        assertThat(requestHeaders.get("Sec-WebSocket-Protocol")).isEqualTo("ocpp2.0.1");
    }

    @Test
    void leaves16InTheHeaderWhenTheChargersOperatorDoesNotAllow201() {
        UUID operatorId = UUID.randomUUID();
        RegistryRecords.feed(registry, RegistryRecords.withChargerSettings(
                RegistryRecords.anOperator(operatorId, "Europe/Amsterdam"), new ChargerSettings(60, false, false, false)));
        RegistryRecords.feed(registry, RegistryRecords.aCharger(operatorId, "ZAP-2", PASSWORD));
        registry.markReady();

        assertThat(perform("ZAP-2", "ocpp2.0.1, ocpp1.6", basic("ZAP-2:" + PASSWORD)).isUpgradePermitted()).isTrue();
        assertThat(requestHeaders.get("Sec-WebSocket-Protocol")).isEqualTo("ocpp1.6");
        assertThat(perform("ZAP-2", "ocpp2.0.1", basic("ZAP-2:" + PASSWORD)).getHttpResponseCode()).isEqualTo(400);
    }

    @Test
    void admitsTheRightPasswordOnceReadyAndChallengesEverythingElse() {
        RegistryRecords.feed(registry, RegistryRecords.aCharger(UUID.randomUUID(), "ZAP-1", PASSWORD));
        registry.markReady();

        assertThat(perform("ZAP-1", "ocpp1.6, ocpp2.0.1", basic("ZAP-1:" + PASSWORD)).isUpgradePermitted()).isTrue();
        CheckResult wrong = perform("ZAP-1", "ocpp1.6", basic("ZAP-1:not-the-password"));
        assertThat(wrong.getHttpResponseCode()).isEqualTo(401);
        assertThat(wrong.getResponseHeaders()).containsKey("WWW-Authenticate");
        assertThat(perform("ZAP-1", "ocpp1.6", null).getHttpResponseCode()).isEqualTo(401);
        assertThat(perform("ZAP-9", "ocpp1.6", basic("ZAP-9:" + PASSWORD)).getHttpResponseCode()).isEqualTo(401);
    }

    @Test
    void refusesAChargePointIdThatIsEmptyTooLongOrHasSpacesWith400() {
        registry.markReady();

        assertThat(perform("", "ocpp1.6", basic(":" + PASSWORD)).getHttpResponseCode()).isEqualTo(400);
        assertThat(perform("Z".repeat(49), "ocpp1.6", basic("Z".repeat(49) + ":" + PASSWORD)).getHttpResponseCode())
                .isEqualTo(400);
        assertThat(perform("ZAP 1", "ocpp1.6", basic("ZAP 1:" + PASSWORD)).getHttpResponseCode()).isEqualTo(400);
        assertThat(ChargerHandshake.isValidChargePointId("Z".repeat(48))).isTrue();
        assertThat(ChargerHandshake.isValidChargePointId("ZAP:1-2_3.4")).isTrue();
    }

    @Test
    void admitsAnUnknownChargerWithAnOperatorsEnrollmentKeyAsEnrolling() {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        RegistryRecords.feed(registry, RegistryRecords.anOperatorEnrolling(operatorId, key));
        registry.markReady();

        assertThat(perform("NEW-1", "ocpp1.6", basic("NEW-1:" + key)).isUpgradePermitted()).isTrue();
        assertThat(lastAdmission.enrolling()).isTrue();
        assertThat(lastAdmission.enrollmentOperatorId()).isEqualTo(operatorId);
        assertThat(OcppPasswordHash.matches(key, lastAdmission.presentedPasswordHash())).isTrue();
        assertThat(perform("NEW-2", "ocpp1.6", basic("NEW-2:another-key-0123456789")).getHttpResponseCode())
                .isEqualTo(401);
    }

    @Test
    void answers429WithRetryAfterBeyondTheLimitOfFailuresForAChargePointId() {
        RegistryRecords.feed(registry, RegistryRecords.aCharger(UUID.randomUUID(), "ZAP-1", PASSWORD));
        registry.markReady();
        for (int i = 0; i < 10; i++) {
            assertThat(perform("ZAP-1", "ocpp1.6", basic("ZAP-1:guess-" + i)).getHttpResponseCode()).isEqualTo(401);
        }

        CheckResult limited = perform("ZAP-1", "ocpp1.6", basic("ZAP-1:guess-10"));

        assertThat(limited.getHttpResponseCode()).isEqualTo(429);
        assertThat(limited.getResponseHeaders().get("Retry-After")).singleElement()
                .satisfies(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(meters.counter("ocpp.handshakes.refused", "reason", "limited").count()).isEqualTo(1);
    }

    @Test
    void admitsARegisteredChargerAwaitingApprovalWithItsOwnPassword() {
        RegistryRecords.feed(registry, RegistryRecords.aCharger(UUID.randomUUID(), "ZAP-7", PASSWORD,
                "PENDING_APPROVAL"));
        registry.markReady();

        assertThat(perform("ZAP-7", "ocpp1.6", basic("ZAP-7:" + PASSWORD)).isUpgradePermitted()).isTrue();
        assertThat(lastAdmission.enrolling()).isFalse();
    }

    private CheckResult perform(String chargePointId, String subprotocols, String authorization) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (subprotocols != null) {
            headers.put("Sec-WebSocket-Protocol", subprotocols);
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        requestHeaders.clear();
        headers.forEach(requestHeaders::set);
        HttpServerRequest request = proxy(HttpServerRequest.class, (method, args) -> switch (method) {
            case "getHeader" -> headers.get(args[0].toString());
            case "headers" -> requestHeaders;
            default -> null;
        });
        Map<String, Object> data = new HashMap<>();
        UserData userData = proxy(UserData.class, (method, args) -> switch (method) {
            case "put" -> data.put(((UserData.TypedKey<?>) args[0]).value(), args[1]);
            case "get" -> data.get(((UserData.TypedKey<?>) args[0]).value());
            default -> null;
        });
        HttpUpgradeContext context = proxy(HttpUpgradeContext.class, (method, args) -> switch (method) {
            case "pathParam" -> chargePointId;
            case "httpRequest" -> request;
            case "userData" -> userData;
            default -> null;
        });
        CheckResult result = handshake.perform(context).await().atMost(Duration.ofSeconds(10));
        lastAdmission = (Admission) data.get(ChargerHandshake.ADMISSION.value());
        return result;
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

    /** A version the dispatcher speaks, with no actions: the handshake only asks for its subprotocol. */
    private record Family(String subprotocol) implements ActionFamily {

        @Override
        public List<OcppAction<?, ?>> actions() {
            return List.of();
        }
    }
}
