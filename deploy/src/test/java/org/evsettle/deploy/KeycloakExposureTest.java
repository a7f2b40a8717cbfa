package org.evsettle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.deploy.Manifests.named;
import static org.evsettle.deploy.Manifests.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keycloak in production: the public Ingress routes only realm evsettle's pages and the login pages'
 * assets (never the administration console or the master realm), the production realm offers no
 * password grant, and no overlay commits an administrator's password.
 */
class KeycloakExposureTest {

    private static final String OVERLAYS = "org.evsettle.deploy.Manifests#overlays";
    private static final Path PRODUCTION_REALM = Manifests.ROOT.resolve("deploy/keycloak/evsettle-realm.json");

    /** An Ingress path: its prefix and the Service behind it. */
    private record Route(String prefix, String service) {
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void routesNeitherTheAdministrationConsoleNorTheMasterRealm(String overlay) {
        List<Route> routes = routes(Manifests.render(overlay));

        for (String path : List.of("/admin", "/admin/", "/admin/master/console/", "/admin/realms/evsettle/users",
                "/realms/master", "/realms/master/", "/realms/master/protocol/openid-connect/token",
                "/realms/master/.well-known/openid-configuration", "/realms/evsettle-admin/",
                "/realms", "/metrics", "/health/ready")) {
            assertThat(backend(routes, path)).as("%s does not reach Keycloak", path).isNotEqualTo(Optional.of("keycloak"));
        }
        for (String path : List.of("/realms/evsettle/protocol/openid-connect/auth",
                "/realms/evsettle/protocol/openid-connect/token", "/realms/evsettle/protocol/openid-connect/certs",
                "/realms/evsettle/.well-known/openid-configuration", "/realms/evsettle/login-actions/authenticate",
                "/resources/abc12/login/keycloak.v2/css/styles.css")) {
            assertThat(backend(routes, path)).as("%s reaches Keycloak", path).contains("keycloak");
        }
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void commitsNoKeycloakAdminPassword(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);

        assertThat(named(rendered, "Secret", "keycloak-admin")).as("keycloak-admin is created by the operator").isEmpty();
        JsonNode keycloak = named(rendered, "Deployment", "keycloak").orElseThrow().at("/spec/template/spec/containers/0");
        keycloak.path("env").forEach(env -> {
            if (env.path("name").asText().startsWith("KC_BOOTSTRAP_ADMIN")) {
                assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).as(env.path("name").asText())
                        .isEqualTo("keycloak-admin");
            }
        });
        ofKind(rendered, "Secret").forEach(secret -> assertThat(secret.path("data").has("password"))
                .as("Secret %s commits no password", secret.at("/metadata/name").asText()).isFalse());
    }

    @Test
    void offersNoPasswordGrantInTheProductionRealm() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(Files.readString(PRODUCTION_REALM));

        assertThat(realm.path("clients")).isNotEmpty().allSatisfy(client -> {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").isBoolean()).as("%s says it", id).isTrue();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as("%s has no password grant", id).isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean(false)).as("%s has no implicit flow", id).isFalse();
        });
        JsonNode portal = ApiGateway.realmClient(PRODUCTION_REALM);
        assertThat(portal.path("standardFlowEnabled").asBoolean()).as("the portal logs in with the code flow").isTrue();
        assertThat(portal.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        JsonNode cli = client(realm, "evsettle-cli");
        assertThat(cli.at("/attributes/oauth2.device.authorization.grant.enabled").asText())
                .as("scripts log in with the device flow").isEqualTo("true");
    }

    @Test
    void keepsThePasswordGrantOutOfWhatProductionRuns() throws Exception {
        // the api-gateway logs browsers in with the code flow; nothing it or a service runs asks Keycloak for a password grant
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("api-gateway", "ocpp-gateway", "user-service", "session-service", "tariff-service",
                "invoice-service", "service-kit", "outbox")) {
            Path main = Manifests.ROOT.resolve(module).resolve("src/main");
            if (Files.isDirectory(main)) {
                try (var files = Files.walk(main)) {
                    // the portal's sources (webapp) too, without its installed packages
                    files.filter(Files::isRegularFile).filter(file -> !file.toString().contains("node_modules"))
                            .filter(file -> Arrays.stream(new String[] {".java", ".properties", ".ts", ".tsx", ".js"})
                                    .anyMatch(file.toString()::endsWith))
                            .forEach(sources::add);
                }
            }
        }
        assertThat(sources).isNotEmpty();
        // the one exception: Zaptec's own API signs in with its OAuth password grant (docs/zaptec.md), with
        // the operator's Zaptec credentials, at Zaptec's token endpoint and never at our Keycloak
        Path zaptec = Manifests.ROOT.resolve("session-service/src/main/java/org/evsettle/sessions/zaptec/ZaptecClient.java");
        assertThat(sources).contains(zaptec);
        assertThat(Manifests.read(zaptec)).contains("/oauth/token").doesNotContainIgnoringCase("oidc")
                .doesNotContainIgnoringCase("keycloak").doesNotContain("realms/");
        sources.remove(zaptec);
        for (Path source : sources) {
            assertThat(Manifests.read(source)).as("%s", Manifests.ROOT.relativize(source))
                    .doesNotContain("grant_type=password").doesNotContain("\"grant_type\", \"password\"")
                    .doesNotContainIgnoringCase("grant-type=password");
        }
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("the realm has no client " + clientId);
    }

    private static List<Route> routes(List<JsonNode> rendered) {
        List<Route> routes = new ArrayList<>();
        ofKind(rendered, "Ingress").forEach(ingress -> ingress.at("/spec/rules").forEach(rule ->
                rule.at("/http/paths").forEach(path -> {
                    assertThat(path.path("pathType").asText()).isEqualTo("Prefix");
                    routes.add(new Route(path.path("path").asText(), path.at("/backend/service/name").asText()));
                })));
        return routes;
    }

    /**
     * The Service an Ingress sends a request path to: the longest Prefix path that matches it element by
     * element (Kubernetes' Prefix matching: {@code /realms/evsettle/} matches {@code /realms/evsettle} and
     * {@code /realms/evsettle/x}, not {@code /realms/evsettle-admin}).
     */
    private static Optional<String> backend(List<Route> routes, String path) {
        List<String> request = elements(path);
        return routes.stream()
                .filter(route -> {
                    List<String> prefix = elements(route.prefix());
                    return prefix.size() <= request.size() && request.subList(0, prefix.size()).equals(prefix);
                })
                .max((a, b) -> Integer.compare(elements(a.prefix()).size(), elements(b.prefix()).size()))
                .map(Route::service);
    }

    private static List<String> elements(String path) {
        return Arrays.stream(path.split("/")).filter(element -> !element.isEmpty()).toList();
    }
}
