package org.evsettle.apigateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.evsettle.apigateway.routing.ApiProxy;
import org.evsettle.apigateway.routing.GatewayProblems;
import org.evsettle.apigateway.config.GatewaySettings;
import org.evsettle.kit.api.ProblemType;

/**
 * The services' API descriptions as the public sees them: {@code /api/openapi/<service>} is a
 * service's document with its paths under {@code /api/<service>/}, {@code /api/openapi} all of them in
 * one document (components two services name alike but define differently are told apart by the
 * service's name). Read from each service's {@code /q/openapi} when asked, so they never go stale.
 */
@ApplicationScoped
public class ApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPONENT_REF = "#/components/";

    private final GatewaySettings routes;
    // HTTP/1.1 as the services speak it: the JDK client's default asks for an upgrade to h2c, which a
    // service answered once with a response the client then read as HTTP/2 frames (a protocol error)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    ApiDocuments(GatewaySettings routes) {
        this.routes = routes;
    }

    void register(@Observes Router router) {
        router.get("/api/openapi").order(ApiProxy.ROUTE_ORDER - 10).blockingHandler(this::all);
        router.get("/api/openapi/:service").order(ApiProxy.ROUTE_ORDER - 10).blockingHandler(this::one);
    }

    void one(RoutingContext context) {
        String name = context.pathParam("service");
        Optional<URI> service = routes.service(name);
        if (service.isEmpty()) {
            GatewayProblems.answer(context, 404, ProblemType.NOT_FOUND, "No API is routed at /api/" + name);
            return;
        }
        try {
            send(context, published(name, fetch(service.get())));
        } catch (IOException e) {
            Log.warnf("The API description of %s is not readable: %s", name, e.toString());
            GatewayProblems.answer(context, 502, ProblemType.SERVICE_UNREACHABLE,
                    "The " + name + " service's API description is not reachable at the moment");
        }
    }

    void all(RoutingContext context) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", "3.0.3");
        merged.putObject("info").put("title", "EV Settle API").put("version", "0.1.0").put("description",
                "Every EV Settle service's API under /api/<service>/, with a Keycloak bearer token or the portal's session.");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        Map<String, String> missing = new LinkedHashMap<>();
        new TreeMap<>(routes.services()).forEach((name, url) -> {
            try {
                ObjectNode document = published(name, fetch(url));
                Map<String, String> renamed = mergeComponents(name, document, components);
                rewriteRefs(document, renamed);
                document.path("paths").fields().forEachRemaining(path -> paths.set(path.getKey(), path.getValue()));
                document.path("tags").forEach(tags::add);
            } catch (IOException e) {
                missing.put(name, e.toString());
            }
        });
        if (!missing.isEmpty()) {
            ((ObjectNode) merged.get("info")).put("x-unavailable", String.join(", ", missing.keySet()));
            Log.warnf("API descriptions left out of /api/openapi: %s", missing);
        }
        send(context, merged);
    }

    /** A service's document with its public paths, its tags named after the service. */
    private static ObjectNode published(String name, ObjectNode document) {
        ObjectNode paths = JSON.createObjectNode();
        document.path("paths").fields().forEachRemaining(path ->
                paths.set(publicPath(name, path.getKey()), path.getValue()));
        document.set("paths", paths);
        document.putArray("servers").addObject().put("url", "/");
        Map<String, String> tagNames = new LinkedHashMap<>();
        document.path("tags").forEach(tag -> tagNames.put(tag.path("name").asText(), name + ": " + tag.path("name").asText()));
        document.path("tags").forEach(tag -> ((ObjectNode) tag).put("name", tagNames.get(tag.path("name").asText())));
        paths.forEach(operations -> operations.forEach(operation -> {
            if (operation.path("tags") instanceof ArrayNode operationTags) {
                for (int i = 0; i < operationTags.size(); i++) {
                    String tag = operationTags.get(i).asText();
                    operationTags.set(i, tagNames.getOrDefault(tag, name + ": " + tag));
                }
            }
        }));
        return document;
    }

    static String publicPath(String service, String servicePath) {
        return servicePath.startsWith("/api/") || servicePath.equals("/api")
                ? "/api/" + service + servicePath.substring("/api".length())
                : "/api/" + service + servicePath;
    }

    /** Adds a service's components; one that another service already defines differently gets its service's prefix. */
    private static Map<String, String> mergeComponents(String service, ObjectNode document, ObjectNode merged) {
        Map<String, String> renamed = new LinkedHashMap<>();
        document.path("components").fields().forEachRemaining(kind -> {
            ObjectNode target = merged.has(kind.getKey()) ? (ObjectNode) merged.get(kind.getKey()) : merged.putObject(kind.getKey());
            kind.getValue().fields().forEachRemaining(component -> {
                JsonNode existing = target.get(component.getKey());
                String name = component.getKey();
                if (existing != null && !existing.equals(component.getValue())) {
                    name = service + "." + component.getKey();
                    renamed.put(COMPONENT_REF + kind.getKey() + "/" + component.getKey(), COMPONENT_REF + kind.getKey() + "/" + name);
                }
                target.set(name, component.getValue());
            });
        });
        return renamed;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && renamed.containsKey(ref.asText())) {
                object.put("$ref", renamed.get(ref.asText()));
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                rewriteRefs(children.next(), renamed);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renamed));
        }
    }

    private ObjectNode fetch(URI service) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(service + "/q/openapi answered " + response.statusCode());
            }
            return (ObjectNode) JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void send(RoutingContext context, JsonNode document) {
        try {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
