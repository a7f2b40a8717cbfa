package org.evsettle.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official OCPP 2.0.1 JSON schemas (draft-06, vendored from the OCA's FINAL edition in
 * {@code src/test/resources/ocpp/v201}), with formats such as date-time asserted: what the gateway will
 * check every 2.0.1 message against.
 */
final class Ocpp201Schemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Ocpp201Schemas() {
    }

    /** What is wrong with a request of this action (empty: it matches its schema). */
    static List<String> requestViolations(String action, JsonNode payload) {
        return violations(action + "Request", payload);
    }

    /** What is wrong with a response to this action (empty: it matches its schema). */
    static List<String> responseViolations(String action, JsonNode payload) {
        return violations(action + "Response", payload);
    }

    private static List<String> violations(String name, JsonNode payload) {
        return SCHEMAS.computeIfAbsent(name, Ocpp201Schemas::load).validate(payload).stream()
                .map(ValidationMessage::getMessage).map(message -> name + ": " + message).toList();
    }

    private static JsonSchema load(String name) {
        try (InputStream schema = Ocpp201Schemas.class.getResourceAsStream("/ocpp/v201/" + name + ".json")) {
            if (schema == null) {
                throw new IllegalArgumentException("No schema vendored for " + name);
            }
            return FACTORY.getSchema(schema, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
