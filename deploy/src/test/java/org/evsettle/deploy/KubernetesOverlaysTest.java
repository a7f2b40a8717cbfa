package org.evsettle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.deploy.Manifests.named;
import static org.evsettle.deploy.Manifests.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay with {@code kubectl kustomize} and checks that what it would deploy agrees
 * with the services: images, ports, probes, configuration, secrets, topics and databases.
 */
class KubernetesOverlaysTest {

    /** Secrets made by an operator in the cluster, or by the person installing: not in the manifests. */
    private static final Map<String, String> EXTERNAL_SECRETS = Map.of(
            "evsettle-postgres-app", "made by CloudNativePG for cluster evsettle-postgres (<cluster>-app)",
            "evsettle-tls", "the TLS certificate of the public hosts");

    @ParameterizedTest
    @CsvSource({"dev, dev", "prod, 0.1.0"})
    void deploysEveryServiceFromItsImageOnItsPort(String overlay, String tag) {
        List<JsonNode> rendered = Manifests.render(overlay);
        for (Service service : Service.values()) {
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
    @ValueSource(strings = {"dev", "prod"})
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
        for (Service service : Service.values()) {
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
    @ValueSource(strings = {"dev", "prod"})
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
        for (String secret : referenced) {
            boolean known = rendersSecrets.contains(secret) || EXTERNAL_SECRETS.containsKey(secret)
                    || ("prod".equals(overlay) && "keycloak-admin".equals(secret));
            assertThat(known).as("Secret %s is rendered or documented as made outside", secret).isTrue();
        }
        assertThat(referenced).contains("evsettle-postgres-app", "keycloak-admin");
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
    @ValueSource(strings = {"dev", "prod"})
    void createsTheDatabaseOfEveryService(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);
        Set<String> databases = ofKind(rendered, "Database").map(d -> d.at("/spec/name").asText())
                .collect(Collectors.toSet());
        databases.add(ofKind(rendered, "Cluster").findFirst().orElseThrow().at("/spec/bootstrap/initdb/database").asText());

        assertThat(databases).containsExactlyInAnyOrderElementsOf(DevStack.DATABASES);
        for (Service service : Service.values()) {
            assertThat(databases).contains(service.database());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void routesChargersToTheGatewayAndEachApiToItsService(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);
        JsonNode ocpp = named(rendered, "Ingress", "evsettle-ocpp").orElseThrow();
        JsonNode ocppPath = StreamSupport.stream(ocpp.at("/spec/rules/0/http/paths").spliterator(), false)
                .filter(p -> "/ocpp/".equals(p.path("path").asText())).findFirst().orElseThrow();

        assertThat(ocppPath.at("/backend/service/name").asText()).isEqualTo("ocpp-gateway");
        assertThat(ocpp.at("/metadata/annotations/nginx.ingress.kubernetes.io~1upstream-hash-by").asText())
                .isEqualTo("$request_uri");
        assertThat(Integer.parseInt(ocpp.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout")
                .asText())).isGreaterThanOrEqualTo(600);

        Set<String> routed = new HashSet<>();
        ofKind(rendered, "Ingress").forEach(ingress -> ingress.at("/spec/rules").forEach(rule ->
                rule.at("/http/paths").forEach(path -> {
                    String name = path.at("/backend/service/name").asText();
                    JsonNode service = named(rendered, "Service", name).orElseThrow();
                    assertThat(servicePortNames(service)).contains(path.at("/backend/service/port/name").asText());
                    routed.add(name);
                })));
        for (Service service : Service.values()) {
            assertThat(routed).contains(service.module());
        }

        JsonNode autoscaler = named(rendered, "HorizontalPodAutoscaler", "ocpp-gateway").orElseThrow();
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo("ocpp-gateway");
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
