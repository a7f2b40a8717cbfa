package org.evsettle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.deploy.Manifests.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evsettle.devstack.platform.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates every overlay's NetworkPolicies as a cluster would (a pod that a policy selects accepts only
 * what one of its rules allows) for the pods the overlay runs and those around it: the ingress controller,
 * Prometheus, the CloudNativePG operator, and a stranger pod in the namespace.
 */
class KubernetesNetworkPolicyTest {

    private static final String OVERLAYS = "org.evsettle.deploy.Manifests#overlays";
    private static final int MANAGEMENT = 9000;
    private static final List<String> WITH_DATABASE = Service.backends().stream().map(Service::module).toList();

    /** A pod: its namespace and labels. */
    private record Pod(String name, String namespace, Map<String, String> labels) {
    }

    /** A pod of the overlay that listens: the ports it opens. */
    private record Target(Pod pod, Set<Integer> ports) {
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void deniesEverythingThatNoPolicyAllows(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        Pod stranger = new Pod("stranger", cluster.namespace, Map.of("app.kubernetes.io/name", "stranger"));

        assertThat(cluster.policies).anySatisfy(policy -> {
            assertThat(policy.at("/spec/podSelector").isEmpty()).as("a default deny selects every pod").isTrue();
            assertThat(policy.at("/spec/ingress").isMissingNode() || policy.at("/spec/ingress").isEmpty()).isTrue();
        });
        for (Target target : cluster.targets) {
            for (int port : target.ports()) {
                assertThat(cluster.allows(stranger, target.pod(), port))
                        .as("a stranger reaches %s:%d", target.pod().name(), port).isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void letsOnlyTheServicesAndKeycloakIntoPostgres(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        Pod postgres = cluster.target("evsettle-postgres").pod();

        Set<String> admitted = new HashSet<>();
        for (Pod from : cluster.everyone()) {
            if (cluster.allows(from, postgres, 5432)) {
                admitted.add(from.name());
            }
        }
        List<String> expected = new ArrayList<>(WITH_DATABASE);
        expected.addAll(List.of("keycloak", "evsettle-postgres"));
        assertThat(admitted).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(cluster.allows(cluster.pod("cnpg-operator"), postgres, 8000)).as("the operator manages it").isTrue();
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void letsTheIngressControllerReachOnlyThePublicEntries(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        Pod controller = cluster.pod("ingress-controller");

        Set<String> reached = new HashSet<>();
        for (Target target : cluster.targets) {
            for (int port : target.ports()) {
                if (cluster.allows(controller, target.pod(), port)) {
                    reached.add(target.pod().name() + ":" + port);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(
                ApiGateway.MODULE + ":" + ApiGateway.port(),
                Service.OCPP_GATEWAY.module() + ":" + Service.OCPP_GATEWAY.defaultPort(),
                "keycloak:8080");
    }

    @ParameterizedTest
    @MethodSource(OVERLAYS)
    void letsOnlyTheApiGatewayCallTheServicesAndOnlyPrometheusTheManagementPorts(String overlay) {
        Cluster cluster = new Cluster(Manifests.render(overlay));
        Pod prometheus = cluster.pod("prometheus");

        for (Service service : Service.backends()) {
            Pod pod = cluster.target(service.module()).pod();
            Set<String> callers = new HashSet<>();
            for (Pod from : cluster.everyone()) {
                if (cluster.allows(from, pod, service.defaultPort())) {
                    callers.add(from.name());
                }
            }
            Set<String> expected = new HashSet<>(Set.of(ApiGateway.MODULE));
            if (service == Service.OCPP_GATEWAY) {
                expected.add("ingress-controller"); // the chargers' WebSocket
            }
            assertThat(callers).as("who calls %s", service.module()).isEqualTo(expected);
        }
        for (Target target : cluster.targets) {
            if (target.ports().contains(MANAGEMENT)) {
                Set<String> scrapers = new HashSet<>();
                for (Pod from : cluster.everyone()) {
                    if (cluster.allows(from, target.pod(), MANAGEMENT)) {
                        scrapers.add(from.name());
                    }
                }
                assertThat(scrapers).as("who reaches the management port of %s", target.pod().name())
                        .containsExactly(prometheus.name());
            }
        }
    }

    /** The pods of a rendered overlay and around it, and its NetworkPolicies. */
    private static final class Cluster {

        final String namespace;
        final List<JsonNode> policies;
        final List<Target> targets = new ArrayList<>();
        final List<Pod> outside = new ArrayList<>();

        Cluster(List<JsonNode> rendered) {
            policies = ofKind(rendered, "NetworkPolicy").toList();
            namespace = ofKind(rendered, "Deployment").findFirst().orElseThrow().at("/metadata/namespace").asText();
            ofKind(rendered, "Deployment").forEach(deployment -> {
                Set<Integer> ports = new HashSet<>();
                deployment.at("/spec/template/spec/containers").forEach(container ->
                        container.path("ports").forEach(port -> ports.add(port.path("containerPort").asInt())));
                targets.add(new Target(new Pod(deployment.at("/metadata/name").asText(), namespace,
                        labels(deployment.at("/spec/template/metadata/labels"))), ports));
            });
            String postgres = ofKind(rendered, "Cluster").findFirst().orElseThrow().at("/metadata/name").asText();
            targets.add(new Target(new Pod(postgres, namespace, Map.of("cnpg.io/cluster", postgres)), Set.of(5432, 8000)));
            outside.add(new Pod("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx")));
            outside.add(new Pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus")));
            outside.add(new Pod("cnpg-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg")));
            outside.add(new Pod("stranger", namespace, Map.of("app.kubernetes.io/name", "stranger")));
            outside.add(new Pod("other-namespace", "elsewhere", Map.of("app.kubernetes.io/name", "api-gateway")));
        }

        List<Pod> everyone() {
            List<Pod> pods = new ArrayList<>(outside);
            targets.forEach(target -> pods.add(target.pod()));
            return pods;
        }

        Target target(String name) {
            return targets.stream().filter(t -> t.pod().name().equals(name)).findFirst().orElseThrow();
        }

        Pod pod(String name) {
            return everyone().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        }

        /** Whether a connection from a pod to a port of another is let in. */
        boolean allows(Pod from, Pod to, int port) {
            List<JsonNode> selecting = policies.stream()
                    .filter(policy -> policy.at("/metadata/namespace").asText(namespace).equals(to.namespace()))
                    .filter(policy -> policy.at("/spec/policyTypes").toString().contains("Ingress"))
                    .filter(policy -> matches(policy.at("/spec/podSelector"), to.labels())).toList();
            if (selecting.isEmpty()) {
                return true;
            }
            for (JsonNode policy : selecting) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    if (portMatches(rule.path("ports"), port) && peerMatches(rule.path("from"), from, to.namespace())) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean portMatches(JsonNode ports, int port) {
            if (ports.isMissingNode() || ports.isEmpty()) {
                return true;
            }
            for (JsonNode entry : ports) {
                if (!entry.path("port").isInt()) {
                    throw new AssertionError("use port numbers in NetworkPolicies, not names: " + entry);
                }
                if (entry.path("port").asInt() == port) {
                    return true;
                }
            }
            return false;
        }

        private static boolean peerMatches(JsonNode peers, Pod from, String policyNamespace) {
            if (peers.isMissingNode() || peers.isEmpty()) {
                return true;
            }
            for (JsonNode peer : peers) {
                if (peer.has("ipBlock")) {
                    throw new AssertionError("no ipBlock peers: " + peer);
                }
                boolean namespaceMatches = peer.has("namespaceSelector")
                        ? matches(peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", from.namespace()))
                        : from.namespace().equals(policyNamespace);
                boolean podMatches = !peer.has("podSelector") || matches(peer.path("podSelector"), from.labels());
                if (namespaceMatches && podMatches) {
                    return true;
                }
            }
            return false;
        }

        private static boolean matches(JsonNode selector, Map<String, String> labels) {
            if (selector.has("matchExpressions")) {
                throw new AssertionError("only matchLabels selectors are evaluated here: " + selector);
            }
            Map<String, String> wanted = labels(selector.path("matchLabels"));
            return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
        }

        private static Map<String, String> labels(JsonNode node) {
            Map<String, String> labels = new HashMap<>();
            node.fields().forEachRemaining(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
            return labels;
        }
    }
}
