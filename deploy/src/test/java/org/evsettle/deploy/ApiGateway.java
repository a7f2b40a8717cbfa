package org.evsettle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.evsettle.devstack.platform.Service;

/**
 * The api-gateway as its own configuration describes it: the one public HTTP entry, its port, the
 * services behind its {@code /api/<route>/} prefixes, its Keycloak client and the secrets it must be
 * given outside a developer's machine.
 */
final class ApiGateway {

    static final String MODULE = "api-gateway";
    /** The prefixes {@code /api/<route>/} the portal uses, one per service. */
    static final Set<String> ROUTES = Set.of("users", "sessions", "tariffs", "invoices", "ocpp");

    private static final String SERVICE_PREFIX = "evsettle.services.";

    private ApiGateway() {
    }

    static Properties properties() {
        return Manifests.applicationProperties(MODULE);
    }

    static int port() {
        return Integer.parseInt(properties().getProperty("quarkus.http.port"));
    }

    static String clientId() {
        return properties().getProperty("quarkus.oidc.client-id");
    }

    /** Route → the service behind it, as the gateway's local defaults name it (by the service's port). */
    static Map<String, Service> routes() {
        Map<String, Service> routes = new TreeMap<>();
        properties().stringPropertyNames().stream().filter(name -> name.startsWith(SERVICE_PREFIX)).forEach(name -> {
            int port = URI.create(properties().getProperty(name)).getPort();
            Service service = Service.backends().stream().filter(s -> s.defaultPort() == port).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " names no service's port: " + port));
            routes.put(name.substring(SERVICE_PREFIX.length()), service);
        });
        return routes;
    }

    /** The environment variable that sets a route's service URL in a container. */
    static String routeVariable(String route) {
        return variableOf(SERVICE_PREFIX + route);
    }

    /**
     * The variables of every secret the gateway holds ({@code *secret} properties): each has a
     * local-development default in its configuration, so every deployment must set its own.
     */
    static Set<String> secretVariables() {
        Set<String> variables = new TreeSet<>();
        properties().stringPropertyNames().stream().filter(name -> name.endsWith("secret"))
                .forEach(name -> variables.add(variableOf(name)));
        return variables;
    }

    /** The environment variable of a configuration property, as MicroProfile Config maps it. */
    static String variableOf(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The realm's client of the gateway's browser login. */
    static JsonNode realmClient(Path realmFile) {
        try {
            JsonNode realm = new ObjectMapper().readTree(Files.readString(realmFile));
            return StreamSupport.stream(realm.path("clients").spliterator(), false)
                    .filter(client -> clientId().equals(client.path("clientId").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("the realm has no client " + clientId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
