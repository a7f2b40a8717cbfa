package org.evsettle.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The draft-06 keywords of the OCPP 2.0.1 schemas: $ref to definitions, maxItems, minimum and maximum, annotations. */
class JsonSchemaTest {

    private static final String DOCUMENT = """
            {"$schema": "http://json-schema.org/draft-06/schema#", "comment": "OCPP 2.0.1 FINAL",
             "definitions": {
               "EvseType": {"javaType": "EVSE", "type": "object", "additionalProperties": false,
                 "properties": {"id": {"type": "integer", "minimum": 0}, "connectorId": {"type": "integer"}},
                 "required": ["id"]},
               "LevelEnumType": {"type": "string", "additionalProperties": false, "enum": ["Low", "High"]}},
             "type": "object", "additionalProperties": false,
             "properties": {
               "evse": {"$ref": "#/definitions/EvseType"},
               "others": {"type": "array", "additionalItems": false, "items": {"$ref": "#/definitions/EvseType"},
                 "minItems": 1, "maxItems": 2},
               "level": {"$ref": "#/definitions/LevelEnumType", "description": "ignored beside a $ref"},
               "percent": {"type": "number", "minimum": 0, "maximum": 100, "default": 50}},
             "required": ["evse"]}""";

    private final JsonSchema schema = JsonSchema.of(json(DOCUMENT));

    @Test
    void followsReferencesToItsDefinitions() {
        assertThatCode(() -> schema.validate(json("{\"evse\": {\"id\": 1}, \"others\": [{\"id\": 2}], \"level\": \"Low\","
                + " \"percent\": 12.5}"))).doesNotThrowAnyException();
        assertRefused("{\"evse\": {}}", ErrorCode.OccurenceConstraintViolation, "evse.id");
        assertRefused("{\"evse\": {\"id\": 1, \"socket\": 2}}", ErrorCode.FormationViolation, "evse.socket");
        assertRefused("{\"evse\": {\"id\": 1}, \"others\": [{\"id\": \"2\"}]}", ErrorCode.TypeConstraintViolation,
                "others[0].id");
        assertRefused("{\"evse\": {\"id\": 1}, \"level\": \"Medium\"}", ErrorCode.PropertyConstraintViolation, "level");
    }

    @Test
    void checksItemCountsAndNumericBounds() {
        assertRefused("{\"evse\": {\"id\": 1}, \"others\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]}",
                ErrorCode.OccurenceConstraintViolation, "others");
        assertRefused("{\"evse\": {\"id\": -1}}", ErrorCode.PropertyConstraintViolation, "evse.id");
        assertRefused("{\"evse\": {\"id\": 1}, \"percent\": 100.5}", ErrorCode.PropertyConstraintViolation, "percent");
    }

    @Test
    void refusesAReferenceItCannotResolveOrAKeywordItDoesNotCheck() {
        assertThatThrownBy(() -> JsonSchema.of(json("{\"type\": \"object\", \"properties\": {\"a\": "
                + "{\"$ref\": \"#/definitions/Missing\"}}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Missing");
        assertThatThrownBy(() -> JsonSchema.of(json("{\"definitions\": {\"Loop\": {\"type\": \"object\", \"properties\": "
                + "{\"next\": {\"$ref\": \"#/definitions/Loop\"}}}}, \"properties\": {\"a\": {\"$ref\": \"#/definitions/Loop\"}}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Recursive");
        assertThatThrownBy(() -> JsonSchema.of(json("{\"type\": \"string\", \"pattern\": \"^a\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pattern");
    }

    private void assertRefused(String payload, ErrorCode code, String field) {
        assertThatThrownBy(() -> schema.validate(json(payload))).isInstanceOfSatisfying(OcppError.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static JsonNode json(String text) {
        try {
            return OcppJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
