package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.evsettle.testkit.ChargePointSimulator.HandshakeRefused;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * OCPP security profile 2: the gateway with a certificate and plain HTTP switched off, as the
 * README configures it. A charger connects over wss:// with HTTP Basic; a wrong password is still
 * refused at the handshake.
 */
@QuarkusTest
@TestProfile(SecurityProfile2Test.Tls.class)
@WithTestResource(InfrastructureResource.class)
class SecurityProfile2Test {

    private static final Path KEY_STORE = Path.of("target", "security-profile-2", "gateway.p12");
    private static final String PASSWORD = "changeit";

    @TestHTTPResource(value = "/", tls = true)
    URI https;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    /** TLS from a self-signed certificate made for the test; plain requests disabled. */
    public static class Tls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            createKeyStore();
            return Map.of(
                    "quarkus.http.ssl.certificate.key-store-file", KEY_STORE.toAbsolutePath().toString(),
                    "quarkus.http.ssl.certificate.key-store-password", PASSWORD,
                    "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.insecure-requests", "disabled");
        }
    }

    @Test
    void admitsAChargerOverTlsWithItsPasswordAndRefusesAWrongOne() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        URI wss = URI.create("wss://localhost:" + https.getPort() + "/");
        HttpClient client = HttpClient.newBuilder().sslContext(trusting()).build();

        JsonNode answer = await().atMost(Duration.ofSeconds(30))
                .ignoreException(HandshakeRefused.class)
                .until(() -> {
                    try (RawSocket socket = RawSocket.connect(client, wss, site.chargePointId(), GatewayFixtures.PASSWORD,
                            "ocpp1.6")) {
                        return socket.exchange("[2,\"tls-1\",\"Heartbeat\",{}]");
                    }
                }, frame -> frame != null);
        assertThat(answer.get(0).asInt()).isEqualTo(3);
        assertThat(answer.get(2).has("currentTime")).isTrue();

        assertThatThrownBy(() -> RawSocket.connect(client, wss, site.chargePointId(), "not-the-password-0123", "ocpp1.6"))
                .isInstanceOfSatisfying(HandshakeRefused.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    private static SSLContext trusting() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEY_STORE)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void createKeyStore() {
        try {
            Files.createDirectories(KEY_STORE.getParent());
            Files.deleteIfExists(KEY_STORE);
            Process keytool = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                    "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", KEY_STORE.toString(), "-storepass", PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
