package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.evsettle.testkit.CertificateEnrollment;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargePointSimulator.HandshakeRefused;
import org.evsettle.testkit.ChargerTls;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * OCPP security profile 3 over real TLS sockets: the gateway with its own certificate and a charger CA
 * from files made for the run. A charger an operator chooses profile 3 for gets a certificate through
 * ExtendedTriggerMessage, SignCertificate and CertificateSigned, and from its first connect with it is
 * admitted by that certificate alone and no longer by Basic; foreign, expired, revoked and other
 * chargers' certificates are refused with 401; profile-2 chargers share the port with Basic.
 */
@QuarkusTest
@TestProfile(SecurityProfile3Test.Tls.class)
@WithTestResource(InfrastructureResource.class)
class SecurityProfile3Test {

    private static final Path DIRECTORY = Path.of("target", "security-profile-3");
    private static final Path KEY_STORE = DIRECTORY.resolve("gateway.p12");
    private static final String PASSWORD = "changeit";

    @TestHTTPResource(value = "/", tls = true)
    URI https;

    @Inject
    IssuedCertificates issued;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    /** TLS from a certificate made for the test, a charger CA from PEM files made for the test; plain requests off. */
    public static class Tls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            TestCertificates.serverKeyStore(KEY_STORE, PASSWORD);
            Path ca = TestCertificates.newCa("Test charger CA " + UUID.randomUUID()).write(DIRECTORY, "charger-ca");
            return Map.of(
                    "quarkus.http.ssl.certificate.key-store-file", KEY_STORE.toAbsolutePath().toString(),
                    "quarkus.http.ssl.certificate.key-store-password", PASSWORD,
                    "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.insecure-requests", "disabled",
                    "evsettle.gateway.charger-ca.certificate-file", ca.toAbsolutePath().toString(),
                    "evsettle.gateway.charger-ca.key-file", DIRECTORY.resolve("charger-ca.key").toAbsolutePath().toString());
        }
    }

    @Test
    void issuesACertificateThatThenAdmitsTheChargerAloneAndBasicNoLonger() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        ChargePointSimulator charger = connectWithBasic(site);
        CertificateEnrollment enrollment = CertificateEnrollment.on(charger);

        api(TestTokens.operatorAdmin(site.operatorId())).post("/api/chargers/{id}/certificate", site.chargePointId())
                .then().statusCode(200)
                .body("action", equalTo("ExtendedTriggerMessage"), "outcome", equalTo("ANSWERED"),
                        "response.status", equalTo("Accepted"));

        assertThat(enrollment.signCertificateAnswer().get(30, TimeUnit.SECONDS).path("status").asText()).isEqualTo("Accepted");
        List<X509Certificate> chain = enrollment.installed().get(30, TimeUnit.SECONDS);
        assertThat(chain.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=" + site.chargePointId());
        assertThat(chain.get(0).getIssuerX500Principal()).isEqualTo(chain.get(1).getSubjectX500Principal());
        // until its first connect with it, Basic still admits the charger (it might never have installed it)
        connectWithBasic(site).close();
        charger.close();

        try (ChargePointSimulator withCertificate = ChargePointSimulator.connect(wss(), site.chargePointId(), null,
                enrollment.tls(trust()))) {
            assertThat(withCertificate.call("Heartbeat", Map.of()).has("currentTime")).isTrue();
        }
        JsonNode listed = certificates(site).get(0);
        assertThat(listed.path("serial").asText()).isEqualTo(chain.get(0).getSerialNumber().toString(16));
        assertThat(listed.path("inForce").asBoolean()).isTrue();
        assertThat(listed.path("firstUsedAt").isNull()).isFalse();

        assertRefused(() -> ChargePointSimulator.connect(wss(), site.chargePointId(), GatewayFixtures.PASSWORD, trust()));
    }

    @Test
    void refusesTheCertificateOfOneChargerForAnother() throws Exception {
        GatewayFixtures.Site a = fixtures.aSite();
        GatewayFixtures.Site b = fixtures.aSite();
        ChargerTls certificateOfA = issue(a);
        connectWithBasic(b).close();

        assertRefused(() -> ChargePointSimulator.connect(wss(), b.chargePointId(), GatewayFixtures.PASSWORD, certificateOfA));
        assertRefused(() -> ChargePointSimulator.connect(wss(), b.chargePointId(), null, certificateOfA));
    }

    @Test
    void revokingClosesTheOpenSocketAndRefusesTheCertificate() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        ChargerTls certificate = issue(site);
        ChargePointSimulator connected = ChargePointSimulator.connect(wss(), site.chargePointId(), null, certificate);
        String serial = certificate.clientCertificate().getSerialNumber().toString(16);

        api(TestTokens.operatorAdmin(site.operatorId()))
                .delete("/api/chargers/{id}/certificates/{serial}", site.chargePointId(), serial)
                .then().statusCode(204);

        assertThat(connected.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertRefused(() -> ChargePointSimulator.connect(wss(), site.chargePointId(), null, certificate));
        JsonNode listed = certificates(site).get(0);
        assertThat(listed.path("revokedAt").isNull()).isFalse();
        assertThat(listed.path("inForce").asBoolean()).isFalse();
        // no certificate in force any more: Basic admits the charger again, until it gets a new one
        connectWithBasic(site).close();
    }

    @Test
    void refusesAnExpiredCertificateAndOneOfAnotherCa() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        connectWithBasic(site).close();
        TestCertificates.Ca ca = chargerCa();
        KeyPair keys = TestCertificates.ecKeyPair();
        Instant now = Instant.now();
        X509Certificate expired = ca.sign(site.chargePointId(), keys.getPublic(), now.minusSeconds(7200), now.minusSeconds(60));
        X509Certificate valid = ca.sign(site.chargePointId(), keys.getPublic(), now.minusSeconds(60), now.plusSeconds(3600));
        issued.issued(site.chargePointId(), expired, ChargerCertificateAuthority.pem(expired), now);
        issued.issued(site.chargePointId(), valid, ChargerCertificateAuthority.pem(valid), now);
        X509Certificate foreign = TestCertificates.newCa("Another CA").sign(site.chargePointId(), keys.getPublic(),
                now.minusSeconds(60), now.plusSeconds(3600));

        assertRefused(() -> ChargePointSimulator.connect(wss(), site.chargePointId(), GatewayFixtures.PASSWORD,
                trust().withClientCertificate(keys.getPrivate(), expired)));
        assertRefused(() -> ChargePointSimulator.connect(wss(), site.chargePointId(), GatewayFixtures.PASSWORD,
                trust().withClientCertificate(keys.getPrivate(), foreign)));
        // the same key with a certificate of ours that is within its validity gets in
        ChargePointSimulator.connect(wss(), site.chargePointId(), null, trust().withClientCertificate(keys.getPrivate(), valid))
                .close();
    }

    @Test
    void asksAChargerToRenewACertificateThatEndsSoonOnceAndSignsTheRenewal() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        connectWithBasic(site).close();
        // a certificate of ours that ends within renew-before (30 days): in an hour
        KeyPair keys = TestCertificates.ecKeyPair();
        Instant now = Instant.now();
        X509Certificate ending = chargerCa().sign(site.chargePointId(), keys.getPublic(), now.minusSeconds(60),
                now.plusSeconds(3600));
        issued.issued(site.chargePointId(), ending, ChargerCertificateAuthority.pem(ending), now);

        try (ChargePointSimulator charger = ChargePointSimulator.connect(wss(), site.chargePointId(), null,
                trust().withClientCertificate(keys.getPrivate(), ending))) {
            CertificateEnrollment renewal = CertificateEnrollment.on(charger);

            // nobody asked: the gateway's own sweep triggers the CSR, and signs it as a renewal
            assertThat(renewal.signCertificateAnswer().get(30, TimeUnit.SECONDS).path("status").asText())
                    .isEqualTo("Accepted");
            List<X509Certificate> renewed = renewal.installed().get(30, TimeUnit.SECONDS);
            assertThat(renewed.get(0).getNotAfter().toInstant()).isAfter(now.plus(Duration.ofDays(300)));
            // asked once: later sweeps (every replica heartbeat) leave it alone for a day
            await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20)).until(() -> true);
            assertThat(charger.callsReceived().stream().filter(call -> "ExtendedTriggerMessage".equals(call.get(2).asText())))
                    .hasSize(1);

            ChargePointSimulator.connect(wss(), site.chargePointId(), null, renewal.tls(trust())).close();
        }
        List<JsonNode> listed = certificates(site);
        assertThat(listed.get(0).path("inForce").asBoolean()).isTrue();
        assertThat(listed.get(1).path("revokedReason").asText()).isEqualTo("replaced");
    }

    @Test
    void rejectsACsrThatNamesAnotherCharger() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = connectWithBasic(site)) {
            CertificateEnrollment enrollment = CertificateEnrollment.on(charger, "ZAP-SOMEONE-ELSE");

            api(TestTokens.platformAdmin()).post("/api/chargers/{id}/certificate", site.chargePointId())
                    .then().statusCode(200).body("response.status", equalTo("Accepted"));

            assertThat(enrollment.signCertificateAnswer().get(30, TimeUnit.SECONDS).path("status").asText())
                    .isEqualTo("Rejected");
            assertThat(certificates(site)).isEmpty();
            assertThat(charger.callsReceived()).noneMatch(call -> "CertificateSigned".equals(call.get(2).asText()));
        }
    }

    @Test
    void rejectsACsrNobodyAskedForAndRenewsOnTheChargersOwnRequest() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = connectWithBasic(site)) {
            CertificateEnrollment unasked = CertificateEnrollment.on(charger);
            unasked.requestCertificate();
            assertThat(unasked.signCertificateAnswer().get(30, TimeUnit.SECONDS).path("status").asText()).isEqualTo("Rejected");
        }
        ChargerTls first = issue(site);
        ChargePointSimulator renewing = ChargePointSimulator.connect(wss(), site.chargePointId(), null, first);
        CertificateEnrollment renewal = CertificateEnrollment.on(renewing);
        renewal.requestCertificate();
        assertThat(renewal.signCertificateAnswer().get(30, TimeUnit.SECONDS).path("status").asText()).isEqualTo("Accepted");
        renewal.installed().get(30, TimeUnit.SECONDS);
        ChargerTls second = renewal.tls(trust());
        renewing.close();

        ChargePointSimulator.connect(wss(), site.chargePointId(), null, second).close();

        assertRefused(() -> ChargePointSimulator.connect(wss(), site.chargePointId(), null, first));
        List<JsonNode> listed = certificates(site);
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("inForce").asBoolean()).isTrue();
        assertThat(listed.get(1).path("revokedReason").asText()).isEqualTo("replaced");
    }

    @Test
    void certificatesAreAnOperatorsOwnBusiness() {
        GatewayFixtures.Site site = fixtures.aSite();
        String stranger = TestTokens.operatorAdmin(UUID.randomUUID());

        api(stranger).post("/api/chargers/{id}/certificate", site.chargePointId()).then().statusCode(404);
        api(stranger).get("/api/chargers/{id}/certificates", site.chargePointId()).then().statusCode(404);
        api(stranger).delete("/api/chargers/{id}/certificates/{serial}", site.chargePointId(), "abc").then().statusCode(404);
        api(TestTokens.driver(site.operatorId(), UUID.randomUUID()))
                .get("/api/chargers/{id}/certificates", site.chargePointId()).then().statusCode(403);
        api(TestTokens.operatorAdmin(site.operatorId()))
                .delete("/api/chargers/{id}/certificates/{serial}", site.chargePointId(), "abc").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** A charger of this site with a certificate in force: issued, installed and used once. */
    private ChargerTls issue(GatewayFixtures.Site site) throws Exception {
        ChargerTls tls;
        try (ChargePointSimulator charger = connectWithBasic(site)) {
            CertificateEnrollment enrollment = CertificateEnrollment.on(charger);
            api(TestTokens.platformAdmin()).post("/api/chargers/{id}/certificate", site.chargePointId())
                    .then().statusCode(200).body("response.status", equalTo("Accepted"));
            enrollment.installed().get(30, TimeUnit.SECONDS);
            tls = enrollment.tls(trust());
        }
        ChargePointSimulator.connect(wss(), site.chargePointId(), null, tls).close();
        return tls;
    }

    private ChargePointSimulator connectWithBasic(GatewayFixtures.Site site) {
        AtomicReference<ChargePointSimulator> connected = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).ignoreException(HandshakeRefused.class).until(() -> {
            connected.set(ChargePointSimulator.connect(wss(), site.chargePointId(), GatewayFixtures.PASSWORD, trust()));
            return true;
        });
        return connected.get();
    }

    private static void assertRefused(Runnable connect) {
        assertThatThrownBy(connect::run)
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    private List<JsonNode> certificates(GatewayFixtures.Site site) {
        String body = api(TestTokens.operatorAdmin(site.operatorId()))
                .get("/api/chargers/{id}/certificates", site.chargePointId()).then().statusCode(200).extract().asString();
        try {
            JsonNode list = org.evsettle.events.EventJson.mapper().readTree(body);
            return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestSpecification api(String token) {
        return given().baseUri("https://localhost").port(https.getPort()).relaxedHTTPSValidation()
                .auth().oauth2(token);
    }

    /** Trusts the gateway's certificate (read when first needed: the profile writes it before the gateway starts). */
    private static ChargerTls trust() {
        return ChargerTls.trusting(KEY_STORE, PASSWORD);
    }

    private URI wss() {
        return URI.create("wss://localhost:" + https.getPort() + "/");
    }

    /** The charger CA the gateway was given, read back from its files. */
    private static TestCertificates.Ca chargerCa() throws Exception {
        X509Certificate certificate = ChargerTls.readPem(DIRECTORY.resolve("charger-ca.crt")).get(0);
        try (Reader in = Files.newBufferedReader(DIRECTORY.resolve("charger-ca.key")); PEMParser parser = new PEMParser(in)) {
            Object key = parser.readObject();
            PrivateKeyInfo info = key instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo() : (PrivateKeyInfo) key;
            KeyPair keys = new KeyPair(certificate.getPublicKey(), new JcaPEMKeyConverter().getPrivateKey(info));
            return new TestCertificates.Ca(keys, certificate);
        }
    }
}
