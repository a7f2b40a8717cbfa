package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.junit.jupiter.api.Test;

class ChargerCredentialsTest {

    private static final String PASSWORD = "0123456789ABCDEF0123";
    private static final String ADDRESS = "192.0.2.1";

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

        CompletableFuture<Boolean> right = credentials.verify("ZAP-1", generated, ADDRESS).subscribeAsCompletionStage();
        CompletableFuture<Boolean> wrong = credentials.verify("ZAP-1", PASSWORD, ADDRESS).subscribeAsCompletionStage();

        // why: an answer in the same call lets the handshake finish before the HTTP server reads on
        assertThat(right).isCompletedWithValue(true);
        // a wrong one costs what any refusal costs (a PBKDF2 check of the dummy hash), off this thread
        assertThat(wrong).isNotDone();
        assertThat(wrong).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(false);
    }

    @Test
    void limitsFailedChecksPerRemoteAddressAndAnswersBeyondTheLimitWithoutAHash() {
        ChargerCredentials limited = credentials(Map.of("handshake-limits.address-burst", "3",
                "handshake-limits.address-refill", "1H"));
        RegistryRecords.feed(registry, charger);

        assertThat(check(limited, "ZAP-1", "wrong-1", "192.0.2.7")).isEmpty();
        assertThat(check(limited, "NOBODY-1", PASSWORD, "192.0.2.7")).isEmpty();
        assertThat(check(limited, "NOBODY-2", PASSWORD, "192.0.2.7")).isEmpty();

        // answered in the same call: no hash ran (a PBKDF2 check happens on the hashing threads)
        assertLimitedAtOnce(limited.admit("NOBODY-3", PASSWORD, "192.0.2.7"));
        assertLimitedAtOnce(limited.admit("ZAP-1", "wrong-2", "192.0.2.7"));
        // another address has a limit of its own
        assertThat(check(limited, "NOBODY-3", PASSWORD, "192.0.2.8")).isEmpty();
    }

    @Test
    void limitsFailedChecksPerChargePointIdFromWhereverTheyCome() {
        ChargerCredentials limited = credentials(Map.of("handshake-limits.charger-burst", "2",
                "handshake-limits.charger-refill", "1H"));
        RegistryRecords.feed(registry, charger);

        assertThat(check(limited, "ZAP-1", "wrong-1", "192.0.2.1")).isEmpty();
        assertThat(check(limited, "ZAP-1", "wrong-2", "198.51.100.1")).isEmpty();

        assertLimitedAtOnce(limited.admit("ZAP-1", "wrong-3", "203.0.113.1"));
        // an unknown id is limited alike (its bucket is keyed by the id, whether or not it exists)
        assertThat(check(limited, "NOBODY-1", "wrong-1", "192.0.2.1")).isEmpty();
        assertThat(check(limited, "NOBODY-1", "wrong-2", "192.0.2.2")).isEmpty();
        assertLimitedAtOnce(limited.admit("NOBODY-1", "wrong-3", "192.0.2.3"));
    }

    @Test
    void countsFailuresNotSuccessesSoAGarageBehindOneAddressReconnectsAfterAFlood() {
        ChargerCredentials limited = credentials(Map.of("handshake-limits.address-burst", "2",
                "handshake-limits.address-refill", "1H"));
        String garage = "192.0.2.50";
        List<String> generated = IntStream.range(0, 50).mapToObj(i -> OcppPasswordHash.generatePassword()).toList();
        for (int i = 0; i < 50; i++) {
            RegistryRecords.feed(registry, RegistryRecords.aChargerWithHash(charger.operatorId(), "GARAGE-" + i,
                    OcppPasswordHash.hashGenerated(generated.get(i)), "ACTIVE"));
        }
        // chosen passwords, checked with PBKDF2 (at a low cost, for the test's speed): many successes from the address
        String chosen = OcppPasswordHash.hash(PASSWORD, 1_000);
        for (int i = 0; i < 5; i++) {
            RegistryRecords.feed(registry, RegistryRecords.aChargerWithHash(charger.operatorId(), "CHOSEN-" + i, chosen,
                    "ACTIVE"));
            assertThat(check(limited, "CHOSEN-" + i, PASSWORD, garage)).isPresent();
        }

        // the flood from the same address uses the limit up
        assertThat(check(limited, "FLOOD-1", PASSWORD, garage)).isEmpty();
        assertThat(check(limited, "FLOOD-2", PASSWORD, garage)).isEmpty();
        assertLimitedAtOnce(limited.admit("FLOOD-3", PASSWORD, garage));

        // every charger with its right password still gets in: generated ones at once, chosen ones remembered
        for (int i = 0; i < 50; i++) {
            assertThat(check(limited, "GARAGE-" + i, generated.get(i), garage)).isPresent();
        }
        for (int i = 0; i < 5; i++) {
            assertThat(check(limited, "CHOSEN-" + i, PASSWORD, garage)).isPresent();
        }
    }

    @Test
    void remembersARefusalSoAChargerStuckOnAnOldPasswordCostsOneHash() {
        ChargerCredentials limited = credentials(Map.of("handshake-limits.address-burst", "1",
                "handshake-limits.address-refill", "1H"));
        RegistryRecords.feed(registry, charger);

        for (int retry = 0; retry < 20; retry++) {
            // the first costs a hash and the address's only token; the repeats are answered from memory
            assertThat(check(limited, "ZAP-1", "the-old-password", "192.0.2.9")).isEmpty();
        }
        assertLimitedAtOnce(limited.admit("ZAP-1", "another-guess", "192.0.2.9"));
        CompletableFuture<Optional<Admission>> repeat = limited.admit("ZAP-1", "the-old-password", "192.0.2.9")
                .subscribeAsCompletionStage();
        assertThat(repeat).isCompletedWithValue(Optional.empty());
    }

    @Test
    void checksAgainOnceTheRegistryHoldsAnotherHashOrStatus() {
        ChargerRecord decommissioned = withPasswordAndStatus(2, PASSWORD, "DECOMMISSIONED");
        RegistryRecords.feed(registry, decommissioned);
        assertThat(verify("ZAP-1", PASSWORD)).isFalse();

        // the same hash, another status: the refusal remembered before does not apply
        RegistryRecords.feed(registry, RegistryRecords.withStatus(decommissioned, "ACTIVE"));

        assertThat(verify("ZAP-1", PASSWORD)).isTrue();
    }

    @Test
    void limitsEnrolmentsPerEnrollmentKeyAndPerAddress() {
        ChargerCredentials limited = credentials(Map.of("handshake-limits.enrollment-key-burst", "2",
                "handshake-limits.enrollment-key-refill", "1H", "handshake-limits.enrollment-address-burst", "3",
                "handshake-limits.enrollment-address-refill", "1H"));
        String key = RegistryRecords.anEnrollmentKey();
        String otherKey = RegistryRecords.anEnrollmentKey();
        String thirdKey = RegistryRecords.anEnrollmentKey();
        RegistryRecords.feed(registry, RegistryRecords.anOperatorEnrolling(UUID.randomUUID(), key));
        RegistryRecords.feed(registry, RegistryRecords.anOperatorEnrolling(UUID.randomUUID(), otherKey));
        RegistryRecords.feed(registry, RegistryRecords.anOperatorEnrolling(UUID.randomUUID(), thirdKey));

        assertThat(check(limited, "NEW-1", key, "192.0.2.1")).hasValueSatisfying(a -> assertThat(a.enrolling()).isTrue());
        assertThat(check(limited, "NEW-2", key, "198.51.100.1")).isPresent();
        assertLimitedAtOnce(limited.admit("NEW-3", key, "203.0.113.1"));

        assertThat(check(limited, "NEW-4", otherKey, "192.0.2.1")).isPresent();
        assertThat(check(limited, "NEW-5", thirdKey, "192.0.2.1")).isPresent();
        // the address enrolled three: a fourth waits, although its key has a token left
        assertLimitedAtOnce(limited.admit("NEW-6", thirdKey, "192.0.2.1"));
        assertThat(check(limited, "NEW-6", thirdKey, "198.51.100.2")).isPresent();
    }

    @Test
    void answersAnUnknownChargerNoFasterThanAKnownOneWithAWrongPassword() {
        ChargerCredentials timed = credentials(Map.of("credential-check-backlog", "100"));
        String generated = OcppPasswordHash.generatePassword();
        RegistryRecords.feed(registry, RegistryRecords.aChargerWithHash(charger.operatorId(), "CHOSEN-1",
                OcppPasswordHash.hash(PASSWORD), "ACTIVE"));
        RegistryRecords.feed(registry, RegistryRecords.aChargerWithHash(charger.operatorId(), "GENERATED-1",
                OcppPasswordHash.hashGenerated(generated), "ACTIVE"));
        // a hash stored before the cost was raised
        RegistryRecords.feed(registry, RegistryRecords.aChargerWithHash(charger.operatorId(), "EARLIER-1",
                OcppPasswordHash.hash(PASSWORD, 30_000), "ACTIVE"));
        check(timed, "WARM-UP", "warm-up", "192.0.2.99");

        // taken in turns, so that whatever else the machine does weighs on all four alike; nine of each, below the
        // limit of ten failed checks per charger
        long[][] times = new long[4][9];
        for (int i = 0; i < 9; i++) {
            int attempt = i;
            times[0][i] = nanos(() -> check(timed, "CHOSEN-1", "wrong-" + attempt, "192.0.2.10"));
            times[1][i] = nanos(() -> check(timed, "GENERATED-1", "wrong-" + attempt, "192.0.2.11"));
            times[2][i] = nanos(() -> check(timed, "NOBODY-" + attempt, "wrong-" + attempt, "192.0.2.12"));
            times[3][i] = nanos(() -> check(timed, "EARLIER-1", "wrong-" + attempt, "192.0.2.13"));
        }
        long knownChosen = fastest(times[0]);
        long knownGenerated = fastest(times[1]);
        long unknown = fastest(times[2]);
        long knownEarlier = fastest(times[3]);

        System.out.printf("Fastest refusal: known (chosen password) %d ms, known (generated) %d ms, known (hash of the "
                + "earlier cost) %d ms, unknown %d ms%n", knownChosen / 1_000_000, knownGenerated / 1_000_000,
                knownEarlier / 1_000_000, unknown / 1_000_000);
        // alike: within a factor of 2 either way (each is one PBKDF2 check of today's cost); a check skipped, or one
        // at the earlier cost alone (30,000 of 600,000 iterations), is 20 times faster
        assertThat((double) unknown).isBetween(knownChosen / 2.0, knownChosen * 2.0);
        assertThat((double) knownGenerated).isBetween(knownChosen / 2.0, knownChosen * 2.0);
        assertThat((double) knownEarlier).isBetween(knownChosen / 2.0, knownChosen * 2.0);
    }

    private static long nanos(Runnable attempt) {
        long started = System.nanoTime();
        attempt.run();
        return System.nanoTime() - started;
    }

    /** The fastest of the attempts: what else runs on the machine only ever adds time, so it is the check's own. */
    private static long fastest(long[] times) {
        return java.util.Arrays.stream(times).min().orElseThrow();
    }

    private ChargerCredentials credentials(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("credential-check-backlog", "100"));
        all.putAll(settings);
        return new ChargerCredentials(registry, TestSettings.with(all));
    }

    private static Optional<Admission> check(ChargerCredentials credentials, String chargePointId, String password,
                                             String address) {
        return credentials.admit(chargePointId, password, address).await().atMost(Duration.ofSeconds(10));
    }

    private static void assertLimitedAtOnce(io.smallrye.mutiny.Uni<Optional<Admission>> attempt) {
        CompletableFuture<Optional<Admission>> answer = attempt.subscribeAsCompletionStage();
        assertThat(answer).isCompletedExceptionally();
        assertThat(answer).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(ChargerCredentials.Limited.class);
    }

    @Test
    void asksChargersToComeBackLaterWhenCostlyChecksPileUp() {
        ChargerCredentials small = new ChargerCredentials(registry,
                TestSettings.with(Map.of("credential-cache-size", "10", "credential-check-backlog", "1")));
        RegistryRecords.feed(registry, charger);

        List<CompletableFuture<Boolean>> checks = IntStream.range(0, 200)
                .mapToObj(i -> small.verify("ZAP-1", PASSWORD + i, ADDRESS).subscribeAsCompletionStage())
                .toList();

        assertThat(checks).anySatisfy(check -> assertThat(check).failsWithin(Duration.ofSeconds(30))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(ChargerCredentials.Busy.class));
        assertThat(checks).anySatisfy(check -> assertThat(check).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(false));
    }

    private boolean verify(String chargePointId, String password) {
        return credentials.verify(chargePointId, password, ADDRESS).await().atMost(Duration.ofSeconds(10));
    }

    private ChargerRecord withPasswordAndStatus(long revision, String password, String status) {
        return new ChargerRecord(charger.id(), revision, charger.operatorId(), charger.siteId(), charger.chargePointId(),
                charger.connectorCount(), null, null, null, OcppPasswordHash.hash(password), status);
    }
}
