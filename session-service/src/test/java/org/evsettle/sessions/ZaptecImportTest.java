package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.SessionWaits.awaitCompleted;
import static org.evsettle.sessions.SessionWaits.awaitCorrections;
import static org.evsettle.sessions.SessionWaits.completions;
import static org.evsettle.testkit.ZaptecStub.session;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.sessions.zaptec.ZaptecImport;
import org.evsettle.sessions.zaptec.ZaptecInstallation;
import org.evsettle.testkit.ZaptecStub;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Zaptec charge history pulled from a stub of Zaptec's API (a real HTTP server): paged history, tokens that
 * expire, 429s, sessions changed at Zaptec, sessions of no driver; announced on sessions.events like a charger's.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ZaptecImportTest {

    private static final Instant START = Instant.parse("2026-01-05T18:04:11Z");
    private static final Instant END = Instant.parse("2026-01-05T20:10:00Z");

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());
    private final Registry registry = new Registry(topics);
    private final ZaptecStub zaptec = InfrastructureResource.zaptec();

    private UUID operatorId;
    private String admin;
    private String installationId;
    private String username;
    private String password;
    private String serial;
    private UUID chargerId;
    private UUID siteId;
    private UUID resident;
    private UUID cardHolder;

    @BeforeEach
    void anOperatorWithAZaptecInstallation() {
        operatorId = UUID.randomUUID();
        admin = TestTokens.operatorAdmin(operatorId);
        installationId = UUID.randomUUID().toString();
        username = "billing-" + operatorId.toString().substring(0, 8) + "@vve.example.org";
        password = "Zaptec-Pa55-" + UUID.randomUUID();
        serial = "ZCS" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        chargerId = UUID.randomUUID();
        siteId = UUID.randomUUID();
        resident = UUID.randomUUID();
        cardHolder = UUID.randomUUID();
        registry.operator(operatorId, "VvE Lindelaan", "Europe/Amsterdam");
        registry.site(siteId, operatorId, "Carport");
        registry.charger(chargerId, operatorId, siteId, serial);
        // e-mail ann.resident@example.org
        registry.driver(resident, operatorId, "Ann Resident", "RESIDENT");
        registry.driver(cardHolder, operatorId, "Bob Holder", "GUEST");
        registry.card(UUID.randomUUID(), operatorId, cardHolder, "04A2B3C4", "Bob's card");
        zaptec.user(username, password);
    }

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    private void storeCredentials() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .put("/api/operators/{o}/zaptec/installations/{i}", operatorId, installationId)
                .then().statusCode(200);
    }

    private ValidatableResponse importJanuary() {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-02-01T00:00:00Z"))
                .post("/api/operators/{o}/zaptec/installations/{i}/imports", operatorId, installationId).then();
    }

    private UUID idOf(String zaptecId) {
        return ZaptecImport.sessionId(operatorId, zaptecId);
    }

    private List<Map<String, Object>> threeSessions(String a, String b, String c) {
        return new ArrayList<>(List.of(
                session(a, serial, START, END, "12.345", UUID.randomUUID().toString(), "Ann.Resident@example.org",
                        null, "4.100", "7.000", "1.245"),
                session(b, serial, START.plusSeconds(86_400), END.plusSeconds(86_400), "3.5", UUID.randomUUID().toString(),
                        "someone@elsewhere.example", "nfc-04:a2:b3:c4", "3.5"),
                session(c, serial, START.plusSeconds(2 * 86_400), END.plusSeconds(2 * 86_400), "8.000",
                        "9d2f7e0a-4c1b-4f3e-8a2d-6b5c4e3f2a1b", "visitor@elsewhere.example", "GUESTTOKEN-7", "8.000")));
    }

    @Test
    void importsThePagedHistoryAnnouncesEachMatchedSessionAndCreatesNothingTwice() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        zaptec.sessions(installationId, threeSessions(a, b, c));
        storeCredentials();

        importJanuary().statusCode(200)
                .body("received", equalTo(3)).body("created", equalTo(3))
                .body("completed", equalTo(2)).body("held", equalTo(1));

        // two pages of two, each asked with the documented parameters
        assertThat(zaptec.historyRequests().stream().filter(q -> q.contains("InstallationId=" + installationId)))
                .hasSize(2)
                .allMatch(q -> q.contains("PageSize=2") && q.contains("DetailLevel=1")
                        && q.contains("From=2026-01-01T00%3A00%3A00Z") && q.contains("To=2026-02-01T00%3A00%3A00Z"))
                .anyMatch(q -> q.contains("PageIndex=0")).anyMatch(q -> q.contains("PageIndex=1"));

        // matched by e-mail (in any case): the energy exact in Wh, the hourly details as the register over time
        SessionCompleted byEmail = awaitCompleted(topics, idOf(a));
        assertThat(byEmail.energyWh()).isEqualTo(12_345);
        assertThat(byEmail.snapshot().driverId()).isEqualTo(resident);
        assertThat(byEmail.snapshot().operatorId()).isEqualTo(operatorId);
        assertThat(byEmail.snapshot().chargerId()).isEqualTo(chargerId);
        assertThat(byEmail.snapshot().siteId()).isEqualTo(siteId);
        assertThat(byEmail.snapshot().userType()).isEqualTo("RESIDENT");
        assertThat(byEmail.chargePointId()).isEqualTo(serial);
        assertThat(byEmail.transactionId()).isNegative();
        assertThat(byEmail.readings()).containsExactly(new EnergyReading(START, 0),
                new EnergyReading(Instant.parse("2026-01-05T19:00:00Z"), 4_100),
                new EnergyReading(Instant.parse("2026-01-05T20:00:00Z"), 11_100), new EnergyReading(END, 12_345));
        // matched by the token as a card UID, normalized as idTags are
        SessionCompleted byCard = awaitCompleted(topics, idOf(b));
        assertThat(byCard.snapshot().driverId()).isEqualTo(cardHolder);
        assertThat(byCard.snapshot().idTag()).isEqualTo("04A2B3C4");
        assertThat(byCard.energyWh()).isEqualTo(3_500);
        // no driver: held in the review list with Zaptec's words, never announced
        given().auth().oauth2(admin).get("/api/operators/{o}/zaptec/review", operatorId).then().statusCode(200)
                .body("sessionId", contains(idOf(c).toString()))
                .body("[0].status", equalTo("HELD"))
                .body("[0].heldReason", containsString("matches no driver"))
                .body("[0].userEmail", equalTo("visitor@elsewhere.example"))
                .body("[0].tokenName", equalTo("GUESTTOKEN-7"));
        given().auth().oauth2(admin).get("/api/sessions/{id}", idOf(c)).then().statusCode(200)
                .body("source", equalTo("ZAPTEC_API")).body("externalId", equalTo(c))
                .body("anomalies.rule", contains("NO_DRIVER"));
        assertThat(completions(topics, idOf(c))).isEmpty();

        // the same period again: nothing new, nothing announced twice, and the token is reused
        importJanuary().statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(3))
                .body("corrected", equalTo(0));
        assertThat(completions(topics, idOf(a))).hasSize(1);
        assertThat(completions(topics, idOf(b))).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ChargingSession.count("operatorId", operatorId)))
                .isEqualTo(3);
        assertThat(zaptec.signInBodies().stream().filter(body -> body.contains("billing-"
                + operatorId.toString().substring(0, 8)))).hasSize(1);
    }

    @Test
    void aSessionChangedAtZaptecBecomesACorrectionWithAnAuditEntry() {
        String a = UUID.randomUUID().toString();
        List<Map<String, Object>> sessions = threeSessions(a, UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        zaptec.sessions(installationId, sessions);
        storeCredentials();
        importJanuary().statusCode(200);
        awaitCompleted(topics, idOf(a));

        Map<String, Object> changed = session(a, serial, START, END.plusSeconds(600), "13.000",
                (String) sessions.get(0).get("UserId"), "ann.resident@example.org", null, "4.100", "7.000", "1.900");
        sessions.set(0, changed);
        zaptec.sessions(installationId, sessions);
        importJanuary().statusCode(200).body("corrected", equalTo(1)).body("unchanged", equalTo(2))
                .body("created", equalTo(0));

        SessionCorrected corrected = awaitCorrections(topics, idOf(a), 1).get(0);
        assertThat(corrected.revision()).isEqualTo(1);
        assertThat(corrected.corrected().energyWh()).isEqualTo(13_000);
        assertThat(corrected.corrected().stoppedAt()).isEqualTo(END.plusSeconds(600));
        assertThat(corrected.correctedBy()).isEqualTo(ZaptecImport.IMPORTER);
        assertThat(corrected.reason()).contains("Zaptec changed session " + a).contains("energy 12345 Wh -> 13000 Wh");
        assertThat(corrected.corrected().readings()).last().isEqualTo(new EnergyReading(END.plusSeconds(600), 13_000));
        given().auth().oauth2(admin).get("/api/sessions/{id}/corrections", idOf(a)).then().statusCode(200)
                .body("action", contains("CORRECTED")).body("[0].actedBy", equalTo(ZaptecImport.IMPORTER))
                .body("[0].energyWhBefore", equalTo(12_345)).body("[0].energyWhAfter", equalTo(13_000))
                .body("[0].published", equalTo("SESSION_CORRECTED"));
        given().auth().oauth2(admin).get("/api/operators/{o}/audit-entries?entityType=Session&entityId=" + idOf(a),
                        operatorId).then().statusCode(200)
                .body("items.action", contains("CORRECTED"))
                .body("items[0].changes.meterStopWh.after", equalTo(13_000));
        // the changed data imported once more is unchanged: no second correction
        importJanuary().statusCode(200).body("corrected", equalTo(0)).body("unchanged", equalTo(3));
    }

    @Test
    void aMappingSetOnceReleasesTheWaitingSessionsOfThatUser() {
        String c = UUID.randomUUID().toString();
        zaptec.sessions(installationId, threeSessions(UUID.randomUUID().toString(), UUID.randomUUID().toString(), c));
        storeCredentials();
        importJanuary().statusCode(200).body("held", equalTo(1));
        UUID visitor = UUID.randomUUID();
        registry.driver(visitor, operatorId, "Vera Visitor", "GUEST");

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("kind", "USER", "zaptecKey", "9d2f7e0a-4c1b-4f3e-8a2d-6b5c4e3f2a1b",
                        "driverId", visitor.toString()))
                .put("/api/operators/{o}/zaptec/mappings", operatorId).then().statusCode(200)
                .body("matched", contains(idOf(c).toString())).body("completed", contains(idOf(c).toString()))
                .body("mapping.kind", equalTo("USER"));

        SessionCompleted released = awaitCompleted(topics, idOf(c));
        assertThat(released.snapshot().driverId()).isEqualTo(visitor);
        assertThat(released.snapshot().userType()).isEqualTo("GUEST");
        assertThat(released.energyWh()).isEqualTo(8_000);
        given().auth().oauth2(admin).get("/api/operators/{o}/zaptec/review", operatorId).then().statusCode(200)
                .body("$", empty());
        given().auth().oauth2(admin).get("/api/sessions/{id}", idOf(c)).then()
                .body("anomalies[0].rule", equalTo("NO_DRIVER"))
                .body("anomalies[0].resolvedBy", equalTo(ZaptecImport.IMPORTER));
        // erased, the driver's Zaptec e-mail and name leave the session's finding
        topics.publish("user-service", new DriverRecord(visitor, 2, operatorId, "Erased driver", null, null, "GUEST",
                null, null, "ERASED", null, null, null, null));
        await().atMost(SessionWaits.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Driver.<Driver>findById(visitor).revision == 2));
        given().auth().oauth2(admin).get("/api/sessions/{id}", idOf(c)).then()
                .body("anomalies[0].detail", not(containsString("visitor@elsewhere.example")))
                .body("anomalies[0].detail", containsString("erased"));
        // a driver of another operator cannot be mapped to
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("kind", "TOKEN", "zaptecKey", "GUESTTOKEN-7", "driverId", UUID.randomUUID().toString()))
                .put("/api/operators/{o}/zaptec/mappings", operatorId).then().statusCode(400)
                .body("violations[0].field", equalTo("driverId"));
    }

    @Test
    void aChargerOfNoRegistrationIsHeldUntilMappedToARegisteredOne() {
        String a = UUID.randomUUID().toString();
        String legacy = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        zaptec.sessions(installationId, List.of(session(a, legacy, START, END, "5.000", null,
                "ann.resident@example.org", null, "5.000")));
        storeCredentials();
        importJanuary().statusCode(200).body("held", equalTo(1));
        given().auth().oauth2(admin).get("/api/sessions/{id}", idOf(a)).then()
                .body("anomalies.rule", contains("UNKNOWN_CHARGER")).body("chargePointId", equalTo(legacy));

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("kind", "CHARGER", "zaptecKey", legacy, "chargePointId", serial))
                .put("/api/operators/{o}/zaptec/mappings", operatorId).then().statusCode(200)
                .body("completed", contains(idOf(a).toString()));
        SessionCompleted completed = awaitCompleted(topics, idOf(a));
        assertThat(completed.chargePointId()).isEqualTo(serial);
        assertThat(completed.snapshot().chargerId()).isEqualTo(chargerId);
    }

    @Test
    void anExpiredTokenSignsInOnceMoreAndRateLimitsAreWaitedOut() {
        zaptec.sessions(installationId, threeSessions(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString()));
        storeCredentials();
        importJanuary().statusCode(200);
        int signIns = zaptec.signIns();
        int unauthorized = zaptec.unauthorized();
        int throttled = zaptec.throttled();

        // the token is revoked before its hour is up, and Zaptec asks twice to slow down (once with Retry-After)
        zaptec.expireTokens();
        zaptec.throttleNext("1", null);
        long started = System.nanoTime();
        importJanuary().statusCode(200).body("unchanged", equalTo(3));
        assertThat(zaptec.unauthorized() - unauthorized).isEqualTo(1);
        assertThat(zaptec.signIns() - signIns).isEqualTo(1);
        assertThat(zaptec.throttled() - throttled).isEqualTo(2);
        assertThat((System.nanoTime() - started) / 1_000_000).as("Retry-After: 1 was waited").isGreaterThanOrEqualTo(1000);

        // a limit that holds after the retries: 503, nothing imported, the outcome kept on the installation
        zaptec.throttleNext("0", "0", "0", "0", "0", "0");
        importJanuary().statusCode(503).body("detail", containsString("429"));
        zaptec.reset();
        given().auth().oauth2(admin).get("/api/operators/{o}/zaptec/installations", operatorId).then()
                .body("[0].lastOutcome", containsString("429"));
    }

    @Test
    void credentialsAreStoredEncryptedNeverAnsweredAndNeverLogged() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            zaptec.sessions(installationId, List.of());
            String stored = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("username", username, "password", password, "importEvery", "PT30M"))
                    .put("/api/operators/{o}/zaptec/installations/{i}", operatorId, installationId)
                    .then().statusCode(200)
                    .body("credentialsSet", equalTo(true))
                    .body("username", equalTo("b***@vve.example.org"))
                    .body("importEvery", equalTo("PT30M"))
                    .extract().asString();
            String listed = given().auth().oauth2(admin).get("/api/operators/{o}/zaptec/installations", operatorId)
                    .then().statusCode(200).body("installationId", hasItem(installationId)).extract().asString();
            importJanuary().statusCode(200).body("received", equalTo(0));

            assertThat(stored + listed).doesNotContain(password).doesNotContain(username);
            ZaptecInstallation row = QuarkusTransaction.requiringNew()
                    .call(() -> ZaptecInstallation.of(operatorId, installationId).orElseThrow());
            assertThat(row.passwordEncrypted + row.usernameEncrypted).doesNotContain(password).doesNotContain(username);
            // Zaptec received them as the password grant asks
            assertThat(zaptec.signInBodies()).anyMatch(body -> body.startsWith("grant_type=password&username=")
                    && body.contains("password=" + password));
            assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(password) || line.contains(username));
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }

        // a wrong password is Zaptec's refusal, said without the password
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "wrong-one"))
                .put("/api/operators/{o}/zaptec/installations/{i}", operatorId, installationId).then().statusCode(200);
        importJanuary().statusCode(422).body("detail", containsString("refused the sign-in"))
                .body("detail", not(containsString("wrong-one")));
        // another operator's admin sees nothing of it
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID()))
                .get("/api/operators/{o}/zaptec/installations", operatorId).then().statusCode(404);
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/operators/{o}/zaptec/installations/{i}/imports", operatorId, installationId)
                .then().statusCode(404);
    }
}
