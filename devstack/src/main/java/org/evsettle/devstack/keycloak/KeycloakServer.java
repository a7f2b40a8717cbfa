package org.evsettle.devstack.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.evsettle.devstack.Await;
import org.evsettle.devstack.ChildProcess;
import org.evsettle.devstack.DevStackException;
import org.evsettle.devstack.Ports;

/**
 * Keycloak from its Maven Central distribution, in dev mode, storing its data in the devstack's
 * PostgreSQL and importing realm {@value #REALM} from {@code deploy/keycloak/} on first start (with the
 * local-only password grant of the command-line client, see {@link #copyRealm}).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "evsettle";
    /** Local development only: the bootstrap administrator of the master realm. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final int port;
    private final ChildProcess process;

    private KeycloakServer(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    /**
     * Unpacks the distribution into distCache (once), then starts Keycloak on port with its data in
     * the database at jdbcUrl, importing the realm file.
     */
    public static KeycloakServer start(Path distCache, Path realmFile, int port, String jdbcUrl, Path logFile) {
        Ports.requireFree(port, "Keycloak");
        Path javaHome = Java21.home();
        if (!Files.isRegularFile(realmFile)) {
            throw new DevStackException("Realm file not found: " + realmFile);
        }
        Path home = unpacked(distCache);
        copyRealm(home, realmFile);
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port,
                "--http-host=127.0.0.1",
                "--hostname-strict=false",
                "--import-realm",
                "--db=postgres",
                "--db-url=" + jdbcUrl,
                "--db-username=postgres",
                "--db-password=postgres",
                "--cache=local",
                "--log-console-output=default");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", javaHome.toString(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ChildProcess process = ChildProcess.start("Keycloak", command, environment, home, logFile);
        KeycloakServer server = new KeycloakServer(port, process);
        Await.until("Keycloak on port " + port, Duration.ofSeconds(240), process, server::realmAnswers);
        return server;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The issuer and OIDC server URL of realm evsettle. */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    private boolean realmAnswers() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Puts the local realm where Keycloak imports it: the production realm file with one local-only
     * change, the password grant of {@value KeycloakAccounts#CLI_CLIENT}, with which the demo accounts,
     * the tests and a developer's curl log in (production offers that client the device flow only).
     */
    static void copyRealm(Path home, Path realmFile) {
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            ObjectMapper json = new ObjectMapper();
            ObjectNode realm = (ObjectNode) json.readTree(realmFile.toFile());
            for (JsonNode client : realm.path("clients")) {
                if (KeycloakAccounts.CLI_CLIENT.equals(client.path("clientId").asText())) {
                    ((ObjectNode) client).put("directAccessGrantsEnabled", true);
                }
            }
            json.writerWithDefaultPrettyPrinter().writeValue(imports.resolve(REALM + "-realm.json").toFile(), realm);
        } catch (IOException e) {
            throw new DevStackException("Cannot copy the realm into Keycloak: " + e.getMessage(), e);
        }
    }

    /** The unpacked distribution, unpacking the zip Maven downloaded if this version is not there yet. */
    private static Path unpacked(Path distCache) {
        Properties build = buildProperties();
        String version = build.getProperty("keycloak.version");
        Path home = distCache.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = Path.of(build.getProperty("keycloak.dist"));
        if (!Files.isRegularFile(zip)) {
            throw new DevStackException("The Keycloak distribution " + zip + " is missing: run ./mvnw install");
        }
        Path partial = distCache.resolve("keycloak-" + version + ".unpacking");
        try {
            deleteRecursively(partial);
            Files.createDirectories(partial);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                    Path target = partial.resolve(name).normalize();
                    if (!target.startsWith(partial)) {
                        throw new DevStackException("Unsafe path in the Keycloak zip: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (var scripts = Files.list(partial.resolve("bin"))) {
                scripts.filter(script -> script.toString().endsWith(".sh")).forEach(script -> script.toFile().setExecutable(true));
            }
            Files.move(partial, home);
            return home;
        } catch (IOException e) {
            throw new DevStackException("Cannot unpack Keycloak into " + distCache + ": " + e.getMessage(), e);
        }
    }

    private static Properties buildProperties() {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/org/evsettle/devstack/devstack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
