package org.evsettle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.deploy.Manifests.named;
import static org.evsettle.deploy.Manifests.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.evsettle.devstack.platform.Service;
import org.evsettle.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kafka is a trust boundary in every deployment: each service authenticates as its own principal, and the
 * ACLs of the Strimzi KafkaUsers and of docker-compose.yml are exactly those of {@code Topics.ACCESS}, which
 * in turn is what the services' configuration produces and consumes. (KafkaAclsOnBrokerTest applies them to
 * a real broker.)
 */
class KafkaAccessTest {

    private static final String OVERLAYS = "org.evsettle.deploy.Manifests#overlays";

    private final JsonNode compose = Manifests.yamlFile(Manifests.ROOT.resolve("docker-compose.yml")).path("services");

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void declaresAKafkaUserPerServiceWithExactlyTheAccessTable(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);
        String kafka = ofKind(rendered, "Kafka").findFirst().orElseThrow().at("/metadata/name").asText();

        assertThat(ofKind(rendered, "KafkaUser").map(user -> user.at("/metadata/name").asText()))
                .containsExactlyInAnyOrderElementsOf(principals());
        ofKind(rendered, "KafkaUser").forEach(user -> {
            assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka);
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");
        });
        assertThat(KafkaAcls.ofKafkaUsers(rendered)).containsExactlyInAnyOrderElementsOf(KafkaAcls.ofTopics());
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void opensKafkaOnlyOverTlsToAuthenticatedServices(String overlay) {
        List<JsonNode> rendered = Manifests.render(overlay);
        JsonNode kafka = ofKind(rendered, "Kafka").findFirst().orElseThrow();
        String name = kafka.at("/metadata/name").asText();

        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).as("ACLs are enforced").isEqualTo("simple");
        assertThat(kafka.at("/spec/entityOperator/userOperator").isObject()).as("the User Operator makes the users").isTrue();
        assertThat(kafka.at("/spec/kafka/listeners")).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).as("listener %s has TLS", listener.path("name")).isTrue();
            assertThat(listener.at("/authentication/type").asText()).as("listener %s authenticates", listener.path("name"))
                    .isEqualTo("scram-sha-512");
            assertThat(listener.path("type").asText()).as("no listener outside the cluster").isEqualTo("internal");
            Set<String> peers = new HashSet<>();
            listener.path("networkPolicyPeers").forEach(peer ->
                    peers.add(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()));
            assertThat(peers).as("only the services' pods reach the listener").containsExactlyInAnyOrderElementsOf(principals());
        });

        Map<String, String> config = new HashMap<>();
        named(rendered, "ConfigMap", "evsettle-services").orElseThrow().path("data").fields()
                .forEachRemaining(entry -> config.put(entry.getKey(), entry.getValue().asText()));
        assertThat(config).containsEntry("EVSETTLE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("EVSETTLE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("EVSETTLE_KAFKA_TRUSTSTORE_TYPE", "PEM");
        for (String principal : principals()) {
            JsonNode container = named(rendered, "Deployment", principal).orElseThrow().at("/spec/template/spec/containers/0");
            assertThat(secretKey(container, "EVSETTLE_KAFKA_SASL_JAAS_CONFIG")).as("%s logs in as its own user", principal)
                    .isEqualTo(principal + "/sasl.jaas.config");
            assertThat(secretKey(container, "EVSETTLE_KAFKA_TRUSTSTORE_CERTIFICATES")).as("%s trusts the cluster CA", principal)
                    .isEqualTo(name + "-cluster-ca-cert/ca.crt");
        }
        JsonNode gateway = named(rendered, "Deployment", ApiGateway.MODULE).orElseThrow().at("/spec/template/spec/containers/0");
        assertThat(secretKey(gateway, "EVSETTLE_KAFKA_SASL_JAAS_CONFIG")).as("the api-gateway has no Kafka user").isNull();
    }

    @Test
    void grantsInDockerComposeExactlyTheAccessTable() {
        String script = compose.at("/kafka-setup/command/0").asText();
        assertThat(KafkaAcls.ofCompose(script)).containsExactlyInAnyOrderElementsOf(KafkaAcls.ofTopics());

        Matcher user = Pattern.compile("(?m)^\\s*user (\\S+) \"\\$\\$?(\\w+)\"\\s*$").matcher(script);
        Map<String, String> passwordVariables = new HashMap<>();
        while (user.find()) {
            passwordVariables.put(user.group(1), user.group(2));
        }
        assertThat(passwordVariables.keySet()).containsExactlyInAnyOrderElementsOf(principals());
        for (String principal : principals()) {
            String variable = passwordVariables.get(principal);
            String password = compose.at("/kafka-setup/environment/" + variable).asText();
            JsonNode environment = compose.path(principal).path("environment");
            assertThat(environment.path("EVSETTLE_KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.path("EVSETTLE_KAFKA_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
            assertThat(environment.path("EVSETTLE_KAFKA_SASL_JAAS_CONFIG").asText()).as(principal)
                    .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                            + principal + "\" password=\"" + password + "\";");
        }
        assertThat(compose.at("/api-gateway/environment").has("EVSETTLE_KAFKA_SASL_JAAS_CONFIG")).isFalse();
    }

    @Test
    void runsKafkaInDockerComposeWithoutAnonymousAccess() {
        Properties broker = SecuredKafka.composeBrokerConfig("any");

        assertThat(broker.getProperty("authorizer.class.name"))
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(broker.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
        assertThat(broker.getProperty("super.users")).isEqualTo("User:" + SecuredKafka.ADMIN);
        assertThat(Arrays.stream(broker.getProperty("listener.security.protocol.map").split(","))
                .map(entry -> entry.split(":")[1])).as("every listener authenticates").containsOnly("SASL_PLAINTEXT");
        assertThat(compose.at("/kafka/ports").isMissingNode()).as("Kafka is not published on the host").isTrue();
        assertThat(compose.at("/kafka/network_mode").isMissingNode()).isTrue();
    }

    @Test
    void listsWhatEachServiceConsumesAndProducesAsItsConfigurationDoes() {
        for (Service service : Service.backends()) {
            Topics.ClientAccess access = Topics.access(service.module());
            Properties properties = Manifests.applicationProperties(service.module());
            Set<String> incoming = channelTopics(properties, "incoming");
            if (service == Service.OCPP_GATEWAY) {
                assertThat(incoming).as("the gateway reads with PartitionReader, no consumer group").isEmpty();
                assertThat(access.group()).isEmpty();
                assertThat(channelTopics(properties, "outgoing")).containsExactlyInAnyOrderElementsOf(access.writes());
            } else {
                assertThat(incoming).as("%s consumes", service.module()).containsExactlyInAnyOrderElementsOf(access.reads());
                assertThat(access.group()).as("its consumer group is its application name")
                        .contains(properties.getProperty("quarkus.application.name"));
                assertThat(access.writes()).as("%s writes the dead-letter topics of its consumers", service.module())
                        .containsAll(Topics.CONSUMERS.stream().filter(c -> c.startsWith(service.module() + "."))
                                .map(Topics::deadLetters).toList());
            }
            assertThat(Manifests.allServiceConfiguration())
                    .contains("kafka.security.protocol=${EVSETTLE_KAFKA_SECURITY_PROTOCOL:PLAINTEXT}")
                    .contains("kafka.sasl.jaas.config=${EVSETTLE_KAFKA_SASL_JAAS_CONFIG:}");
            assertThat(properties.getProperty("kafka.security.protocol", "${EVSETTLE_KAFKA_SECURITY_PROTOCOL:PLAINTEXT}"))
                    .as("%s keeps the shared default", service.module())
                    .isEqualTo("${EVSETTLE_KAFKA_SECURITY_PROTOCOL:PLAINTEXT}");
        }
    }

    @Test
    void givesEveryTopicOneWriterAndTheChargersCommandsAndRegistryToTheirOwners() {
        Map<String, List<String>> writers = new HashMap<>();
        Topics.ACCESS.forEach(access -> access.writes().forEach(topic ->
                writers.computeIfAbsent(topic, t -> new java.util.ArrayList<>()).add(access.principal())));

        assertThat(writers.keySet()).containsExactlyInAnyOrderElementsOf(
                Topics.SPECS.stream().map(Topics.TopicSpec::name).toList());
        writers.forEach((topic, who) -> assertThat(who).as("writers of %s", topic).hasSize(1));
        assertThat(writers.get(Topics.OCPP_COMMANDS)).containsExactly("ocpp-gateway");
        for (String registry : List.of(Topics.REGISTRY_OPERATORS, Topics.REGISTRY_SITES, Topics.REGISTRY_CHARGERS,
                Topics.REGISTRY_DRIVERS, Topics.REGISTRY_CARDS)) {
            assertThat(writers.get(registry)).as(registry).containsExactly("user-service");
        }
        Set<String> topics = Topics.SPECS.stream().map(Topics.TopicSpec::name).collect(Collectors.toSet());
        Topics.ACCESS.forEach(access -> assertThat(topics).containsAll(access.reads()));
    }

    private static List<String> principals() {
        return Topics.ACCESS.stream().map(Topics.ClientAccess::principal).toList();
    }

    /** The topics of a service's incoming or outgoing channels ({@code .topic} or {@code .topics}). */
    private static Set<String> channelTopics(Properties properties, String direction) {
        Set<String> topics = new HashSet<>();
        Pattern channel = Pattern.compile("mp\\.messaging\\." + direction + "\\.[^.]+\\.topics?");
        properties.stringPropertyNames().stream().filter(name -> channel.matcher(name).matches())
                .forEach(name -> Arrays.stream(properties.getProperty(name).split(",")).map(String::trim).forEach(topics::add));
        return topics;
    }

    /** {@code <secret>/<key>} of a container's variable taken from a Secret, or null. */
    private static String secretKey(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (variable.equals(env.path("name").asText()) && env.at("/valueFrom/secretKeyRef").isObject()) {
                return env.at("/valueFrom/secretKeyRef/name").asText() + "/" + env.at("/valueFrom/secretKeyRef/key").asText();
            }
        }
        return null;
    }
}
