package org.evsettle.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every service's {@code /q/openapi} must give an integrator, checked the same way in each
 * service: every operation has a summary and a description, every parameter a description, at least
 * one error answer in {@code application/problem+json}, and a request body an example (on the media
 * type, or on each property of its schema).
 */
public final class OpenApiConventions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiConventions() {
    }

    /** The places where the document breaks a convention, one line each; empty when it keeps them all. */
    public static List<String> violations(String openApiJson) {
        JsonNode document;
        try {
            document = JSON.readTree(openApiJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not an OpenAPI document in JSON", e);
        }
        List<String> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (METHODS.contains(operation.getKey())) {
                    check(document, operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue(),
                            path.getValue().path("parameters"), violations);
                }
            }
        }
        return violations;
    }

    private static void check(JsonNode document, String name, JsonNode operation, JsonNode pathParameters,
                              List<String> violations) {
        if (operation.path("summary").asText().isBlank()) {
            violations.add(name + ": no summary");
        }
        if (operation.path("description").asText().isBlank()) {
            violations.add(name + ": no description");
        }
        List<JsonNode> parameters = new ArrayList<>();
        pathParameters.forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            JsonNode resolved = resolve(document, parameter);
            if (resolved.path("description").asText().isBlank()) {
                violations.add(name + ": parameter " + resolved.path("name").asText() + " has no description");
            }
        }
        boolean problem = false;
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            if ((response.getKey().startsWith("4") || response.getKey().startsWith("5"))
                    && resolve(document, response.getValue()).path("content").has("application/problem+json")) {
                problem = true;
            }
        }
        if (!problem) {
            violations.add(name + ": no error answer in application/problem+json");
        }
        JsonNode body = resolve(document, operation.path("requestBody"));
        for (Iterator<Map.Entry<String, JsonNode>> media = body.path("content").fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            if (type.getKey().contains("json") && !hasExample(document, type.getValue())) {
                violations.add(name + ": the " + type.getKey() + " request body has no example");
            }
        }
    }

    private static boolean hasExample(JsonNode document, JsonNode mediaType) {
        if (mediaType.has("example") || mediaType.path("examples").size() > 0) {
            return true;
        }
        JsonNode declared = mediaType.path("schema");
        JsonNode schema = resolve(document, declared);
        if (exemplified(declared) || exemplified(schema)) {
            return true;
        }
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
            return false;
        }
        for (Iterator<JsonNode> each = properties.elements(); each.hasNext(); ) {
            JsonNode declaredProperty = each.next();
            JsonNode property = resolve(document, declaredProperty);
            if (!exemplified(declaredProperty) && !exemplified(property) && !property.has("enum")
                    && !property.has("default") && !exemplified(resolve(document, property.path("items")))
                    && !"object".equals(type(property)) && !"array".equals(type(property))) {
                return false;
            }
        }
        return true;
    }

    /** An example in OpenAPI 3.0's form ({@code example}) or 3.1's ({@code examples}), beside a $ref too. */
    private static boolean exemplified(JsonNode schema) {
        return schema.has("example") || schema.path("examples").size() > 0;
    }

    /** The type, also when 3.1 writes it as a list ({@code ["string", "null"]}). */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() && type.size() > 0 ? type.get(0).asText() : type.asText();
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }
}
