package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON schema as the OCPP JSON schemas write them (1.6: draft-04; 2.0.1: draft-06 with
 * {@code definitions} and {@code $ref}: type, properties, required, additionalProperties,
 * maxLength, enum, format date-time and uri, items, minItems, maxItems, minimum, maximum,
 * multipleOf), compiled once, references resolved at compile time, and checked in one walk. A
 * violation becomes the OCPP-J CALLERROR code that names it: a missing required property or too few
 * or too many items OccurenceConstraintViolation, a wrong JSON type TypeConstraintViolation, a value
 * out of bounds PropertyConstraintViolation, a property the PDU does not define FormationViolation
 * (each spelled per subprotocol when encoded, see {@link ErrorCode}). An explicit null counts as
 * absent. Annotations (description, comment, javaType, default) are ignored; any other keyword
 * outside this set is refused when the schema is loaded, so that nothing is silently left unchecked.
 */
public final class JsonSchema {

    private static final Set<String> KEYWORDS = Set.of("$schema", "id", "$id", "title", "description", "comment",
            "javaType", "default", "definitions", "$ref", "type", "properties", "required", "additionalProperties",
            "maxLength", "enum", "format", "items", "additionalItems", "minItems", "maxItems", "minimum", "maximum",
            "multipleOf");
    private static final String DEFINITIONS = "#/definitions/";

    private final String type;
    private final Map<String, JsonSchema> properties;
    private final List<String> required;
    private final boolean additionalProperties;
    private final Integer maxLength;
    private final Set<String> allowed;
    private final String format;
    private final JsonSchema items;
    private final Integer minItems;
    private final Integer maxItems;
    private final BigDecimal minimum;
    private final BigDecimal maximum;
    private final BigDecimal multipleOf;

    private JsonSchema(JsonNode schema, String where, Definitions definitions) {
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("Unsupported schema keyword " + keyword + " at " + where);
            }
        }
        this.type = schema.path("type").asText(null);
        Map<String, JsonSchema> props = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> props.put(p.getKey(),
                definitions.compile(p.getValue(), join(where, p.getKey()))));
        this.properties = Map.copyOf(props);
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(name -> names.add(name.asText()));
        this.required = List.copyOf(names);
        this.additionalProperties = !schema.has("additionalProperties") || schema.get("additionalProperties").asBoolean();
        this.maxLength = schema.has("maxLength") ? schema.get("maxLength").asInt() : null;
        Set<String> values = new LinkedHashSet<>();
        schema.path("enum").forEach(value -> values.add(value.asText()));
        this.allowed = schema.has("enum") ? values : null;
        this.format = schema.path("format").asText(null);
        if (schema.has("items") && !schema.get("items").isObject()) {
            // additionalItems only matters beside a tuple of items, which no OCPP schema uses
            throw new IllegalArgumentException("Unsupported tuple items at " + where);
        }
        this.items = schema.has("items") ? definitions.compile(schema.get("items"), where + "[]") : null;
        this.minItems = schema.has("minItems") ? schema.get("minItems").asInt() : null;
        this.maxItems = schema.has("maxItems") ? schema.get("maxItems").asInt() : null;
        this.minimum = schema.has("minimum") ? schema.get("minimum").decimalValue() : null;
        this.maximum = schema.has("maximum") ? schema.get("maximum").decimalValue() : null;
        this.multipleOf = schema.has("multipleOf") ? schema.get("multipleOf").decimalValue() : null;
    }

    /** Compiles a schema document, resolving its {@code $ref}s to its own {@code #/definitions/...}. */
    public static JsonSchema of(JsonNode schema) {
        return new Definitions(schema.path("definitions")).compile(schema, "");
    }

    /**
     * The definitions of one document, each compiled once however often it is referenced. A
     * definition that refers to itself (no OCPP schema does) is refused rather than looped on.
     */
    private static final class Definitions {

        private final JsonNode definitions;
        private final Map<String, JsonSchema> compiled = new HashMap<>();
        private final Set<String> compiling = new HashSet<>();

        Definitions(JsonNode definitions) {
            this.definitions = definitions;
        }

        JsonSchema compile(JsonNode schema, String where) {
            if (!schema.has("$ref")) {
                return new JsonSchema(schema, where, this);
            }
            // draft-06: the keywords beside a $ref are ignored
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith(DEFINITIONS) || !definitions.has(ref.substring(DEFINITIONS.length()))) {
                throw new IllegalArgumentException("Unresolvable $ref " + ref + " at " + where);
            }
            String name = ref.substring(DEFINITIONS.length());
            JsonSchema known = compiled.get(name);
            if (known != null) {
                return known;
            }
            if (!compiling.add(name)) {
                throw new IllegalArgumentException("Recursive $ref " + ref + " at " + where);
            }
            JsonSchema definition = new JsonSchema(definitions.get(name), where, this);
            compiling.remove(name);
            compiled.put(name, definition);
            return definition;
        }
    }

    /** Checks a whole payload; throws {@link OcppError} naming the first property at fault (a path such as {@code meterValue[0].timestamp}). */
    public void validate(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new OcppError(ErrorCode.FormationViolation, "The payload must be a JSON object");
        }
        check("", payload);
    }

    private void check(String path, JsonNode node) {
        if (type != null && !hasType(node)) {
            throw new OcppError(ErrorCode.TypeConstraintViolation, path + " must be " + article(type), path);
        }
        if (node.isObject()) {
            checkObject(path, node);
        } else if (node.isArray()) {
            checkArray(path, node);
        } else if (node.isTextual()) {
            checkText(path, node.textValue());
        } else if (node.isNumber()) {
            checkNumber(path, node.decimalValue());
        }
    }

    private void checkNumber(String path, BigDecimal number) {
        if (multipleOf != null && number.remainder(multipleOf).compareTo(BigDecimal.ZERO) != 0) {
            throw violation(path, "is not a multiple of " + multipleOf.toPlainString());
        }
        if (minimum != null && number.compareTo(minimum) < 0) {
            throw violation(path, "is below " + minimum.toPlainString());
        }
        if (maximum != null && number.compareTo(maximum) > 0) {
            throw violation(path, "is above " + maximum.toPlainString());
        }
    }

    private void checkObject(String path, JsonNode node) {
        for (String name : required) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                String field = join(path, name);
                throw new OcppError(ErrorCode.OccurenceConstraintViolation, field + " is required", field);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonSchema property = properties.get(field.getKey());
            String fieldPath = join(path, field.getKey());
            if (property == null) {
                if (!additionalProperties) {
                    throw new OcppError(ErrorCode.FormationViolation,
                            fieldPath + " is not a property of this message", fieldPath);
                }
            } else if (!field.getValue().isNull()) {
                property.check(fieldPath, field.getValue());
            }
        }
    }

    private void checkArray(String path, JsonNode node) {
        if (minItems != null && node.size() < minItems) {
            throw new OcppError(ErrorCode.OccurenceConstraintViolation,
                    path + " needs at least " + minItems + " element(s)", path);
        }
        if (maxItems != null && node.size() > maxItems) {
            throw new OcppError(ErrorCode.OccurenceConstraintViolation,
                    path + " has more than " + maxItems + " element(s)", path);
        }
        if (items != null) {
            for (int i = 0; i < node.size(); i++) {
                items.check(path + "[" + i + "]", node.get(i));
            }
        }
    }

    private void checkText(String path, String text) {
        if (maxLength != null && text.codePointCount(0, text.length()) > maxLength) {
            throw violation(path, "is longer than " + maxLength + " characters");
        }
        if (allowed != null && !allowed.contains(text)) {
            throw violation(path, "is not one of " + String.join(", ", allowed) + ": " + text);
        }
        if ("date-time".equals(format)) {
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw violation(path, "is not a date-time with offset (such as 2026-03-29T00:45:00Z): " + text);
            }
        } else if ("uri".equals(format)) {
            try {
                if (!new URI(text).isAbsolute()) {
                    throw violation(path, "is not an absolute URI: " + text);
                }
            } catch (URISyntaxException e) {
                throw violation(path, "is not a URI: " + text);
            }
        }
    }

    private boolean hasType(JsonNode node) {
        return switch (type) {
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber() && node.canConvertToLong();
            case "number" -> node.isNumber();
            case "boolean" -> node.isBoolean();
            default -> throw new IllegalStateException("Unsupported schema type " + type);
        };
    }

    private static OcppError violation(String path, String what) {
        return new OcppError(ErrorCode.PropertyConstraintViolation, path + " " + what, path);
    }

    private static String article(String type) {
        return switch (type) {
            case "object", "array", "integer" -> "an " + type;
            default -> "a " + type;
        };
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
