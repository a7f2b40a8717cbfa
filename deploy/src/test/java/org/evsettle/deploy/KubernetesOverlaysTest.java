package org.evsettle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.deploy.Manifests.named;
import static org.evsettle.deploy.Manifests.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.evsettle.devstack.DevStack;
import org.evsettle.devstack.platform.Service;
import org.evsettle.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay with {@code kubectl kustomize} and checks that what it would deploy agrees
 * with the services and the api-gateway: images, ports, probes, configuration, secrets, topics,
 * databases, and that the Ingress exposes only the public entries.
 */
class KubernetesOverlaysTest {

    /** Every overlay under deploy/k8s/overlays. */
    private static final String OVERLAYS = "org.evsettle.deploy.Manifests#overlays";

    /** Secrets made by an operator in the cluster, or by the person installing: not in the manifests. */
    private static final Map<String, String> EXTERNAL_SECRETS = Map.of(
            "evsettle-postgres-app", "made by CloudNativePG for cluster evsettle-postgres (<cluster>-app)",
            "evsettle-tls", "the TLS certificate of the public hosts",
            "evsettle-kafka-cluster-ca-cert", "made by Strimzi for cluster evsettle-kafka (<cluster>-cluster-ca-cert)");

    /** Secrets the person installing creates; the dev overlay renders evsettle-portal (development-only values), never keycloak-admin. */
    private static final Set<String> INSTALLER_SECRETS = Set.of(
            "keycloak-admin", // the Keycloak bootstrap admin
            "evsettle-portal", // the api-gateway's client secret of evsettle-portal and its cookies' keys
            "evsettle-zaptec"); // session-service's key of stored Zaptec credentials (optional: without it none are stored)

    @ParameterizedTest
    @CsvSource({"dev, dev", "prod, 0.1.0"})
    void deploysEveryServiceFromItsImageOnItsPort(String overlay, String tag) {
        List<JsonNode> rendered = Manifests.render(overlay);
        for (Service service : Service.backends()) {
            JsonNode deployment = named(rendered, "Deployment", service.module()).orElseThrow();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            int port = Integer.parseInt(Manifests.applicationProperties(service.module()).getProperty("quarkus.http.port"));

            assertThat(port).as(service.module()).isEqualTo(service.defaultPort());
            assertThat(container.path("image").asText()).isEqualTo("evsettle/" + service.module() + ":" + tag);
            assertThat(containerPort(container, "http")).isEqualTo(port);
            assertThat(containerPort(container, "management")).isEqualTo(9000);
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
            assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
            assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
            assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();

            JsonNode kubernetesService = named(rendered, "Service", service.module()).orElseThrow();
            assertThat(servicePort(kubernetesService, "http")).isEqualTo(port);
            assertThat(named(rendered, "PodDisruptionBudget", service.module())).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void pointsTheServicesAtTheKafkaPostgresAndKeycloakItDeploys(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);
        JsonNode config = named(rendered, "ConfigMap", "evsettle-services").orElseThrow().path("data");
        String kafka = ofKind(rendered, "Kafka").findFirst().orElseThrow().at("/metadata/name").asText();
        JsonNode listener = ofKind(rendered, "Kafka").findFirst().orElseThrow().at("/spec/kafka/listeners/0");
        String postgres = ofKind(rendered, "Cluster").findFirst().orElseThrow().at("/metadata/name").asText();
        JsonNode keycloak = named(rendered, "Service", "keycloak").orElseThrow();

        assertThat(config.path("EVSETTLE_KAFKA").asText()).isEqualTo(kafka + "-kafka-bootstrap:" + listener.path("port").asInt());
        assertThat(config.path("EVSETTLE_DB_HOST").asText()).isEqualTo(postgres + "-rw");
        assertThat(config.path("EVSETTLE_OIDC_URL").asText())
                .isEqualTo("http://keycloak:" + servicePort(keycloak, "http") + "/realms/evsettle");

        String serviceConfiguration = Manifests.allServiceConfiguration();
        for (Service service : Service.backends()) {
            JsonNode container = named(rendered, "Deployment", service.module()).orElseThrow()
                    .at("/spec/template/spec/containers/0");
            Set<String> variables = new HashSet<>();
            container.path("env").forEach(env -> variables.add(env.path("name").asText()));
            config.fieldNames().forEachRemaining(variables::add);
            variables.remove("KEYCLOAK_PUBLIC_URL");
            for (String variable : variables) {
                assertThat(serviceConfiguration).as("%s is read by the services", variable)
                        .containsAnyOf("${" + variable + ":", propertyOf(variable) + "=");
            }
        }
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void refersOnlyToSecretsThatExist(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);
        Set<String> rendersSecrets = ofKind(rendered, "Secret").map(s -> s.at("/metadata/name").asText())
                .collect(Collectors.toSet());
        Set<String> referenced = new HashSet<>();
        rendered.forEach(document -> collectSecretReferences(document, referenced));
        ofKind(rendered, "Ingress").forEach(ingress -> ingress.at("/spec/tls")
                .forEach(tls -> referenced.add(tls.path("secretName").asText())));

        String postgres = ofKind(rendered, "Cluster").findFirst().orElseThrow().at("/metadata/name").asText();
        assertThat(EXTERNAL_SECRETS).containsKey(postgres + "-app");
        String kafka = ofKind(rendered, "Kafka").findFirst().orElseThrow().at("/metadata/name").asText();
        assertThat(EXTERNAL_SECRETS).containsKey(kafka + "-cluster-ca-cert");
        // the User Operator keeps each KafkaUser's password in a Secret of the user's name
        Set<String> kafkaUsers = ofKind(rendered, "KafkaUser").map(u -> u.at("/metadata/name").asText())
                .collect(Collectors.toSet());
        for (String secret : referenced) {
            boolean known = rendersSecrets.contains(secret) || EXTERNAL_SECRETS.containsKey(secret)
                    || INSTALLER_SECRETS.contains(secret) || kafkaUsers.contains(secret);
            assertThat(known).as("Secret %s is rendered or documented as made outside", secret).isTrue();
        }
        assertThat(referenced).contains("evsettle-postgres-app").containsAll(INSTALLER_SECRETS);
        if ("dev".equals(overlay)) {
            assertThat(rendersSecrets).as("dev renders the api-gateway's development-only secrets").contains("evsettle-portal");
        }
        assertThat(rendersSecrets).as("no overlay commits Keycloak's admin password").doesNotContain("keycloak-admin");
        rendered.forEach(document -> document.findParents("secretKeyRef").forEach(parent -> {
            JsonNode reference = parent.path("secretKeyRef");
            named(rendered, "Secret", reference.path("name").asText()).ifPresent(secret ->
                    assertThat(secret.path("data").has(reference.path("key").asText()))
                            .as("Secret %s has key %s", reference.path("name").asText(), reference.path("key").asText())
                            .isTrue());
        }));
        if ("prod".equals(overlay)) {
            assertThat(rendersSecrets).as("prod commits no secret").isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"dev, 1", "prod, 3"})
    void createsEveryTopicWithItsPartitionsAndCompaction(String overlay, int replicas) {
        List<JsonNode> rendered = Manifests.render(overlay);
        String kafka = ofKind(rendered, "Kafka").findFirst().orElseThrow().at("/metadata/name").asText();
        Map<String, JsonNode> topics = new HashMap<>();
        ofKind(rendered, "KafkaTopic").forEach(t -> topics.put(t.at("/spec/topicName").asText(), t));

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(
                Topics.SPECS.stream().map(Topics.TopicSpec::name).toList());
        for (Topics.TopicSpec spec : Topics.SPECS) {
            JsonNode topic = topics.get(spec.name());
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka);
            assertThat(topic.at("/spec/partitions").asInt()).as(spec.name()).isEqualTo(spec.partitions());
            assertThat(topic.at("/spec/replicas").asInt()).as(spec.name()).isEqualTo(replicas);
            assertThat(topic.at("/spec/config/cleanup.policy").asText()).as(spec.name())
                    .isEqualTo(spec.compacted() ? "compact" : "delete");
        }
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void createsTheDatabaseOfEveryService(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);
        Set<String> databases = ofKind(rendered, "Database").map(d -> d.at("/spec/name").asText())
                .collect(Collectors.toSet());
        databases.add(ofKind(rendered, "Cluster").findFirst().orElseThrow().at("/spec/bootstrap/initdb/database").asText());

        assertThat(databases).containsExactlyInAnyOrderElementsOf(DevStack.DATABASES);
        for (Service service : Service.backends()) {
            assertThat(databases).contains(service.database());
        }
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void deploysTheApiGatewayInFrontOfTheServices(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);
        JsonNode deployment = named(rendered, "Deployment", ApiGateway.MODULE).orElseThrow();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        String tag = imageTag(overlay, "evsettle/" + ApiGateway.MODULE);

        assertThat(tag).as("the release of the other images").isEqualTo(imageTag(overlay, "evsettle/ocpp-gateway"));
        assertThat(container.path("image").asText()).isEqualTo("evsettle/" + ApiGateway.MODULE + ":" + tag);
        assertThat(containerPort(container, "http")).isEqualTo(ApiGateway.port());
        assertThat(containerPort(container, "management")).isEqualTo(9000);
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("management");
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();

        JsonNode service = named(rendered, "Service", ApiGateway.MODULE).orElseThrow();
        assertThat(servicePort(service, "http")).isEqualTo(ApiGateway.port());
        assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        assertThat(service.at("/spec/type").asText("ClusterIP")).isEqualTo("ClusterIP");
        assertThat(named(rendered, "PodDisruptionBudget", ApiGateway.MODULE)).isPresent();

        Map<String, String> environment = environment(rendered, container);
        Map<String, Service> routes = ApiGateway.routes();
        assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(ApiGateway.ROUTES);
        assertThat(routes.values()).containsExactlyInAnyOrderElementsOf(Service.backends());
        routes.forEach((route, target) -> assertThat(environment.get(ApiGateway.routeVariable(route))).as(route)
                .isEqualTo("http://" + target.module() + ":"
                        + servicePort(named(rendered, "Service", target.module()).orElseThrow(), "http")));

        assertThat(environment.get("QUARKUS_OIDC_CLIENT_ID")).isEqualTo(ApiGateway.clientId());
        assertThat(environment.get("EVSETTLE_COOKIE_SECURE")).as("browsers reach it over TLS").isEqualTo("true");
        for (String secret : ApiGateway.secretVariables()) {
            assertThat(environment.get(secret)).as("%s comes from a Secret", secret).startsWith("secret:");
        }
        Set<String> gatewayVariables = ApiGateway.properties().stringPropertyNames().stream()
                .map(ApiGateway::variableOf).collect(Collectors.toSet());
        environment.keySet().stream().filter(variable -> variable.startsWith("EVSETTLE_")).forEach(variable ->
                assertThat(gatewayVariables).as("%s is read by the api-gateway", variable).contains(variable));
        assertThat(environment.keySet()).as("no database, no Kafka")
                .doesNotContain("EVSETTLE_KAFKA", "EVSETTLE_DB_HOST", "EVSETTLE_DB_USER", "EVSETTLE_DB_PASSWORD");
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void exposesOnlyThePortalTheChargersSocketAndKeycloaksLogin(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);
        List<Route> routes = routes(rendered);

        assertThat(routes).extracting(Route::path).containsExactlyInAnyOrder("/", "/ocpp/", "/realms/evsettle/", "/resources/");
        Map<String, String> backends = new HashMap<>();
        routes.forEach(route -> backends.put(route.path(), route.service()));
        assertThat(backends).isEqualTo(Map.of(
                "/", ApiGateway.MODULE,
                "/ocpp/", Service.OCPP_GATEWAY.module(),
                "/realms/evsettle/", "keycloak",
                "/resources/", "keycloak"));
        for (Route route : routes) {
            assertThat(route.service()).as("%s routes only to the public entries", route.path())
                    .isIn(ApiGateway.MODULE, Service.OCPP_GATEWAY.module(), "keycloak");
            assertThat(route.path()).doesNotStartWith("/admin");
            assertThat(route.pathType()).isEqualTo("Prefix");
            assertThat(route.port()).isEqualTo("http");
            JsonNode service = named(rendered, "Service", route.service()).orElseThrow();
            assertThat(servicePortNames(service)).contains(route.port());
            assertThat(route.tlsHosts()).as("%s is served over TLS", route.host()).contains(route.host());
        }
        assertThat(routes).extracting(Route::host).as("one public host").containsOnly(routes.get(0).host());
        ofKind(rendered, "Ingress").forEach(ingress ->
                assertThat(ingress.at("/spec/defaultBackend").isMissingNode()).as("no default backend").isTrue());

        JsonNode ocpp = ofKind(rendered, "Ingress").filter(ingress -> ingress.at("/spec/rules").findValues("path")
                .stream().anyMatch(path -> "/ocpp/".equals(path.asText()))).findFirst().orElseThrow();
        assertThat(ocpp.at("/metadata/annotations/nginx.ingress.kubernetes.io~1upstream-hash-by").asText())
                .isEqualTo("$request_uri");
        assertThat(Integer.parseInt(ocpp.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout")
                .asText())).isGreaterThanOrEqualTo(600);
        assertThat(Integer.parseInt(ocpp.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-send-timeout")
                .asText())).isGreaterThanOrEqualTo(600);
        assertThat(ocpp.at("/spec/rules/0/http/paths")).as("the chargers' Ingress carries only their socket").hasSize(1);

        JsonNode autoscaler = named(rendered, "HorizontalPodAutoscaler", "ocpp-gateway").orElseThrow();
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo("ocpp-gateway");
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void keepsEveryServiceInsideTheCluster(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);

        ofKind(rendered, "Service").forEach(service -> {
            String name = service.at("/metadata/name").asText();
            assertThat(service.at("/spec/type").asText("ClusterIP")).as(name).isEqualTo("ClusterIP");
            assertThat(service.at("/spec/externalIPs").isMissingNode()).as(name).isTrue();
        });
        ofKind(rendered, "Deployment").forEach(deployment -> {
            JsonNode pod = deployment.at("/spec/template/spec");
            assertThat(pod.path("hostNetwork").asBoolean()).as(deployment.at("/metadata/name").asText()).isFalse();
            assertThat(pod.findValues("hostPort")).as(deployment.at("/metadata/name").asText()).isEmpty();
        });
        assertThat(rendered).extracting(document -> document.path("kind").asText())
                .as("the Ingresses are the only way in")
                .doesNotContain("Gateway", "HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "Route");
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void logsTheBrowserInAtKeycloaksPublicAddress(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);
        JsonNode config = named(rendered, "ConfigMap", "evsettle-services").orElseThrow().path("data");
        JsonNode keycloak = named(rendered, "Deployment", "keycloak").orElseThrow().at("/spec/template/spec/containers/0");
        JsonNode gateway = named(rendered, "Deployment", ApiGateway.MODULE).orElseThrow()
                .at("/spec/template/spec/containers/0");
        Route login = routes(rendered).stream().filter(route -> "/realms/evsettle/".equals(route.path())).findFirst().orElseThrow();
        Route portal = routes(rendered).stream().filter(route -> "/".equals(route.path())).findFirst().orElseThrow();

        // the issuer of every token is the address where browsers log in ...
        assertThat(config.path("KEYCLOAK_PUBLIC_URL").asText()).isEqualTo("https://" + login.host());
        assertThat(keycloak.path("args").toString()).contains("--hostname=$(KC_PUBLIC_URL)",
                "--hostname-backchannel-dynamic=true", "--proxy-headers=xforwarded");
        assertThat(environment(rendered, keycloak).get("KC_PUBLIC_URL")).isEqualTo(config.path("KEYCLOAK_PUBLIC_URL").asText());
        assertThat(portal.host()).as("the portal and the login share the public host").isEqualTo(login.host());
        // ... while the gateway reaches Keycloak inside the cluster, like the services
        assertThat(environment(rendered, gateway).get("QUARKUS_OIDC_AUTH_SERVER_URL"))
                .isEqualTo(config.path("EVSETTLE_OIDC_URL").asText());

        // where the overlay brings the client secret itself (dev), it is the one the imported realm gives the client
        String clientSecret = environment(rendered, gateway).get("QUARKUS_OIDC_CREDENTIALS_SECRET");
        String[] reference = clientSecret.substring("secret:".length()).split("/");
        named(rendered, "Secret", reference[0]).ifPresent(secret -> assertThat(new String(
                Base64.getDecoder().decode(secret.at("/data/" + reference[1]).asText()), StandardCharsets.UTF_8))
                .isEqualTo(ApiGateway.realmClient(DevStack.Settings.local(Manifests.ROOT).realmFile()).path("secret").asText()));
    }

    @Test
    void rendersEveryOverlay() {
        assertThat(Manifests.overlays()).contains("dev", "prod");
        for (String overlay : Manifests.overlays()) {
            assertThat(Manifests.render(overlay)).as(overlay).isNotEmpty();
        }
    }

    /** One path of an Ingress rule, with the TLS hosts of its Ingress. */
    private record Route(String ingress, String host, String path, String pathType, String service, String port,
                         Set<String> tlsHosts) {
    }

    private static List<Route> routes(List<JsonNode> rendered) {
        List<Route> routes = new ArrayList<>();
        ofKind(rendered, "Ingress").forEach(ingress -> {
            Set<String> tlsHosts = new HashSet<>();
            ingress.at("/spec/tls").forEach(tls -> tls.path("hosts").forEach(host -> tlsHosts.add(host.asText())));
            ingress.at("/spec/rules").forEach(rule -> rule.at("/http/paths").forEach(path -> routes.add(new Route(
                    ingress.at("/metadata/name").asText(), rule.path("host").asText(), path.path("path").asText(),
                    path.path("pathType").asText(), path.at("/backend/service/name").asText(),
                    path.at("/backend/service/port/name").asText(), tlsHosts))));
        });
        return routes;
    }

    /** A container's environment: values, ConfigMap keys resolved, Secret keys as {@code secret:<name>/<key>}. */
    private static Map<String, String> environment(List<JsonNode> rendered, JsonNode container) {
        Map<String, String> environment = new HashMap<>();
        container.path("envFrom").forEach(from -> {
            if (from.has("configMapRef")) {
                named(rendered, "ConfigMap", from.at("/configMapRef/name").asText()).orElseThrow().path("data")
                        .fields().forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
            }
        });
        container.path("env").forEach(variable -> {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            if (variable.has("value")) {
                environment.put(name, variable.path("value").asText());
            } else if (from.has("configMapKeyRef")) {
                JsonNode data = named(rendered, "ConfigMap", from.at("/configMapKeyRef/name").asText()).orElseThrow()
                        .path("data");
                assertThat(data.has(from.at("/configMapKeyRef/key").asText())).as(name).isTrue();
                environment.put(name, data.path(from.at("/configMapKeyRef/key").asText()).asText());
            } else if (from.has("secretKeyRef")) {
                environment.put(name, "secret:" + from.at("/secretKeyRef/name").asText() + "/"
                        + from.at("/secretKeyRef/key").asText());
            }
        });
        return environment;
    }

    /** The tag an overlay gives an image (its kustomization's {@code images}). */
    private static String imageTag(String overlay, String image) {
        JsonNode kustomization = Manifests.yamlFile(Manifests.OVERLAYS.resolve(overlay).resolve("kustomization.yaml"));
        return StreamSupport.stream(kustomization.path("images").spliterator(), false)
                .filter(entry -> image.equals(entry.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " tags no image " + image))
                .path("newTag").asText();
    }

    private static String propertyOf(String variable) {
        return variable.toLowerCase().replace('_', '.');
    }

    private static void collectSecretReferences(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            if (node.has("secretKeyRef")) {
                names.add(node.at("/secretKeyRef/name").asText());
            }
            if (node.has("secretRef")) {
                names.add(node.at("/secretRef/name").asText());
            }
            node.elements().forEachRemaining(child -> collectSecretReferences(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> collectSecretReferences(child, names));
        }
    }

    private static int containerPort(JsonNode container, String name) {
        return StreamSupport.stream(container.path("ports").spliterator(), false)
                .filter(p -> name.equals(p.path("name").asText())).findFirst().orElseThrow()
                .path("containerPort").asInt();
    }

    private static int servicePort(JsonNode service, String name) {
        return StreamSupport.stream(service.at("/spec/ports").spliterator(), false)
                .filter(p -> name.equals(p.path("name").asText())).findFirst().orElseThrow()
                .path("port").asInt();
    }

    private static Set<String> servicePortNames(JsonNode service) {
        return StreamSupport.stream(service.at("/spec/ports").spliterator(), false)
                .map(p -> p.path("name").asText()).collect(Collectors.toSet());
    }
}
