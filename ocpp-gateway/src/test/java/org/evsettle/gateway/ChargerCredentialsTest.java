package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.junit.jupiter.api.Test;

class ChargerCredentialsTest {

    private static final String PASSWORD = "0123456789ABCDEF0123";

    private final RegistryProjection registry = new RegistryProjection();
    private final ChargerCredentials credentials = new ChargerCredentials(registry,
            TestSettings.with(Map.of("credential-cache-size", "10", "credential-check-backlog", "100")));
    private final ChargerRecord charger = RegistryRecords.aCharger(UUID.randomUUID(), "ZAP-1", PASSWORD);

    @Test
    void admitsAnActiveChargerWithItsPasswordAgainAndAgain() {
        RegistryRecords.feed(registry, charger);

        assertThat(verify("ZAP-1", PASSWORD)).isTrue();
        assertThat(verify("ZAP-1", PASSWORD)).isTrue();
        assertThat(verify("ZAP-1", PASSWORD + "x")).isFalse();
        assertThat(verify("ZAP-2", PASSWORD)).isFalse();
    }

    @Test
    void forgetsTheOldPasswordOnceTheRegistryHasANewHash() {
        RegistryRecords.feed(registry, charger);
        assertThat(verify("ZAP-1", PASSWORD)).isTrue();

        RegistryRecords.feed(registry, withPasswordAndStatus(2, "new-password-0123456789", "ACTIVE"));

        assertThat(verify("ZAP-1", PASSWORD)).isFalse();
        assertThat(verify("ZAP-1", "new-password-0123456789")).isTrue();
    }

    @Test
    void refusesAChargerThatIsNotActiveEvenWithTheRightPassword() {
        RegistryRecords.feed(registry, charger);
        assertThat(verify("ZAP-1", PASSWORD)).isTrue();

        RegistryRecords.feed(registry, withPasswordAndStatus(2, PASSWORD, "DECOMMISSIONED"));

        assertThat(verify("ZAP-1", PASSWORD)).isFalse();
    }

    @Test
    void checksAGeneratedPasswordAtOnceOnTheCallersThread() {
        String generated = OcppPasswordHash.generatePassword();
        RegistryRecords.feed(registry, new ChargerRecord(charger.id(), 2, charger.operatorId(), charger.siteId(),
                charger.chargePointId(), 2, null, null, null, OcppPasswordHash.hashGenerated(generated), "ACTIVE"));

        CompletableFuture<Boolean> right = credentials.verify("ZAP-1", generated).subscribeAsCompletionStage();
        CompletableFuture<Boolean> wrong = credentials.verify("ZAP-1", PASSWORD).subscribeAsCompletionStage();

        // why: an answer in the same call lets the handshake finish before the HTTP server reads on
        assertThat(right).isCompletedWithValue(true);
        assertThat(wrong).isCompletedWithValue(false);
    }

    @Test
    void asksChargersToComeBackLaterWhenCostlyChecksPileUp() {
        ChargerCredentials small = new ChargerCredentials(registry,
                TestSettings.with(Map.of("credential-cache-size", "10", "credential-check-backlog", "1")));
        RegistryRecords.feed(registry, charger);

        List<CompletableFuture<Boolean>> checks = IntStream.range(0, 200)
                .mapToObj(i -> small.verify("ZAP-1", PASSWORD + i).subscribeAsCompletionStage())
                .toList();

        assertThat(checks).anySatisfy(check -> assertThat(check).failsWithin(Duration.ofSeconds(30))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(ChargerCredentials.Busy.class));
        assertThat(checks).anySatisfy(check -> assertThat(check).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(false));
    }

    private boolean verify(String chargePointId, String password) {
        return credentials.verify(chargePointId, password).await().atMost(Duration.ofSeconds(10));
    }

    private ChargerRecord withPasswordAndStatus(long revision, String password, String status) {
        return new ChargerRecord(charger.id(), revision, charger.operatorId(), charger.siteId(), charger.chargePointId(),
                charger.connectorCount(), null, null, null, OcppPasswordHash.hash(password), status);
    }
}
