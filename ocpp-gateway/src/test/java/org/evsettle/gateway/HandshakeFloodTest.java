package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.evsettle.events.EventJson;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * A flood of bad handshakes (wrong passwords for real chargePointIds, unknown ids, forged
 * X-Forwarded-For headers, from several addresses) while real chargers connect: the limits hold the
 * flood to a bounded number of PBKDF2 checks, and every real charger connects and boots within
 * {@link #CONNECT_AND_BOOT_WITHIN}, also one behind the very address the flood comes from.
 */
@QuarkusTest
@TestProfile(HandshakeFloodTest.Limits.class)
@WithTestResource(InfrastructureResource.class)
class HandshakeFloodTest {

    static final int ADDRESS_BURST = 20;
    static final Duration ADDRESS_REFILL = Duration.ofSeconds(30);
    static final Duration CONNECT_AND_BOOT_WITHIN = Duration.ofSeconds(30);
    /** Loopback addresses the flood comes from; the last is also the garage's (one NAT address). */
    static final List<String> FLOOD_ADDRESSES = List.of("127.0.100.1", "127.0.100.2", "127.0.100.3", "127.0.100.4");
    static final String GARAGE = "127.0.100.4";
    static final int FLOOD_THREADS = 6;

    /** The limits this test counts on, stated here rather than borrowed from the defaults. */
    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evsettle.gateway.handshake-limits.address-burst", Integer.toString(ADDRESS_BURST),
                    "evsettle.gateway.handshake-limits.address-refill", ADDRESS_REFILL.toSeconds() + "S",
                    "evsettle.gateway.handshake-limits.charger-burst", "10",
                    "evsettle.gateway.handshake-limits.charger-refill", "60S");
        }
    }

    @TestHTTPResource("/")
    URI http;

    @Inject
    RegistryProjection registry;

    @Inject
    ChargerCredentials credentials;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void realChargersConnectAndBootWhileAFloodOfBadHandshakesIsHeldToItsLimits() throws Exception {
        UUID operatorId = UUID.randomUUID();
        fixtures.topics.publish("user-service", RegistryRecords.anOperator(operatorId, "Europe/Amsterdam"));
        List<ChargerRecord> generated = chargers(operatorId, "REAL-", 10, GatewayFixtures.PASSWORD);
        List<ChargerRecord> garage = chargers(operatorId, "GARAGE-", 5, GatewayFixtures.PASSWORD);
        // chosen passwords (PBKDF2 at today's cost), connecting for the first time during the flood
        List<ChargerRecord> chosen = chargers(operatorId, "CHOSEN-", 2, "chosen-by-installer");
        List<ChargerRecord> victims = chargers(operatorId, "VICTIM-", 4, "victims-password");
        List<ChargerRecord> all = new ArrayList<>(generated);
        all.addAll(garage);
        all.addAll(chosen);
        all.addAll(victims);
        await().atMost(Duration.ofSeconds(60)).until(() -> all.stream()
                .allMatch(charger -> registry.charger(charger.chargePointId()).isPresent()));

        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService flood = Executors.newFixedThreadPool(FLOOD_THREADS);
        long started = System.nanoTime();
        for (int t = 0; t < FLOOD_THREADS; t++) {
            flood.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (flooding.get()) {
                    String address = FLOOD_ADDRESSES.get(random.nextInt(FLOOD_ADDRESSES.size()));
                    String chargePointId = random.nextBoolean()
                            ? victims.get(random.nextInt(victims.size())).chargePointId()
                            : "FLOOD-" + Long.toString(random.nextLong() >>> 1, 36);
                    List<String> headers = new ArrayList<>(WireSocket.ocppHeaders(chargePointId,
                            "guess-" + random.nextLong()));
                    // the gateway must not believe a client's own claim of where it comes from
                    headers.add("X-Forwarded-For: 10." + random.nextInt(256) + "." + random.nextInt(256) + "."
                            + random.nextInt(256));
                    WireSocket.Upgrade upgrade = WireSocket.open(gateway(), address, "/ocpp/" + chargePointId, headers,
                            true);
                    if (upgrade.socket() != null) {
                        upgrade.socket().close();
                    }
                    answers.computeIfAbsent(upgrade.status(), status -> new AtomicInteger()).incrementAndGet();
                    attempts.incrementAndGet();
                }
                return null;
            });
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> answers.containsKey(429) && attempts.get() >= 200);

            long slowest = 0;
            for (ChargerRecord charger : concat(generated, chosen)) {
                long began = System.nanoTime();
                try (ChargePointSimulator connected = connectAndBoot(charger.chargePointId(),
                        charger.chargePointId().startsWith("CHOSEN-") ? "chosen-by-installer" : GatewayFixtures.PASSWORD)) {
                    slowest = Math.max(slowest, System.nanoTime() - began);
                }
            }
            for (ChargerRecord charger : garage) {
                long began = System.nanoTime();
                bootBehindTheGarageAddress(charger.chargePointId());
                slowest = Math.max(slowest, System.nanoTime() - began);
            }
            assertThat(Duration.ofNanos(slowest)).isLessThan(CONNECT_AND_BOOT_WITHIN);
            assertThat(attempts.get()).as("the flood went on while the chargers connected").isGreaterThan(200);

            flooding.set(false);
            flood.shutdown();
            assertThat(flood.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("Flood of %d bad handshakes in %d s: answers %s; the slowest real charger connected and "
                    + "booted in %d ms; the limits track %d keys%n", attempts.get(), elapsed.toSeconds(), answers,
                    TimeUnit.NANOSECONDS.toMillis(slowest), credentials.trackedByLimits());

            assertThat(answers.keySet()).as("every bad handshake refused, as 401, 429 or 503")
                    .isSubsetOf(Set.of(401, 429, 503));
            // each 401 is one PBKDF2 check: at most the burst of each address, what refilled since, and
            // the checks that were already running when an address ran dry
            long refills = elapsed.toNanos() / ADDRESS_REFILL.toNanos() + 1;
            long bound = FLOOD_ADDRESSES.size() * (ADDRESS_BURST + refills + FLOOD_THREADS);
            assertThat(answers.getOrDefault(401, new AtomicInteger()).get()).isLessThanOrEqualTo((int) bound);
            assertThat(answers.get(429).get()).isGreaterThan(attempts.get() / 2);
        } finally {
            flooding.set(false);
            flood.shutdownNow();
        }
    }

    private ChargePointSimulator connectAndBoot(String chargePointId, String password) {
        return await().atMost(CONNECT_AND_BOOT_WITHIN).pollInterval(Duration.ofMillis(200))
                .ignoreException(ChargePointSimulator.HandshakeRefused.class)
                .until(() -> {
                    ChargePointSimulator charger = ChargePointSimulator.connect(gateway(), chargePointId, password);
                    JsonNode boot = charger.call("BootNotification", GatewayFixtures.boot());
                    assertThat(boot.get("status").asText()).isEqualTo("Accepted");
                    return charger;
                }, charger -> true);
    }

    /** A charger behind the address the flood comes from (a garage's NAT): it still gets in, and boots. */
    private void bootBehindTheGarageAddress(String chargePointId) throws Exception {
        WireSocket.Upgrade upgrade = WireSocket.open(gateway(), GARAGE, chargePointId, GatewayFixtures.PASSWORD);
        assertThat(upgrade.status()).isEqualTo(101);
        try (WireSocket socket = upgrade.socket()) {
            socket.sendText("[2,\"boot-1\",\"BootNotification\","
                    + EventJson.mapper().writeValueAsString(GatewayFixtures.boot()) + "]");
            WireSocket.Frame answer = socket.next(Duration.ofSeconds(15));
            assertThat(answer).isNotNull();
            JsonNode frame = EventJson.mapper().readTree(answer.text());
            assertThat(frame.get(0).asInt()).isEqualTo(3);
            assertThat(frame.get(1).asText()).isEqualTo("boot-1");
            assertThat(frame.at("/2/status").asText()).isEqualTo("Accepted");
        }
    }

    private List<ChargerRecord> chargers(UUID operatorId, String prefix, int count, String password) {
        List<ChargerRecord> chargers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChargerRecord charger = RegistryRecords.aCharger(operatorId,
                    prefix + UUID.randomUUID().toString().substring(0, 8), password);
            fixtures.topics.publish("user-service", charger);
            chargers.add(charger);
        }
        return chargers;
    }

    private static List<ChargerRecord> concat(List<ChargerRecord> first, List<ChargerRecord> second) {
        List<ChargerRecord> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
