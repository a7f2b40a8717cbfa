package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a payload property must look like, in the terms of the OCPP JSON schemas (type, required,
 * maxLength, enum, minItems, date-time): a wrong JSON type is a TypeConstraintViolation, a missing
 * required property a FormationViolation, a value out of bounds a PropertyConstraintViolation.
 * An explicit null counts as absent.
 */
@FunctionalInterface
public interface PayloadShape {

    /** Checks a present, non-null node found at path; throws {@link OcppError}. */
    void check(String path, JsonNode node);

    static PayloadShape string(int maxLength) {
        return (path, node) -> {
            requireType(node.isTextual(), path, "a string");
            if (node.textValue().length() > maxLength) {
                throw new OcppError(ErrorCode.PropertyConstraintViolation,
                        path + " is longer than " + maxLength + " characters", path);
            }
        };
    }

    static PayloadShape anyString() {
        return (path, node) -> requireType(node.isTextual(), path, "a string");
    }

    static PayloadShape oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return (path, node) -> {
            requireType(node.isTextual(), path, "a string");
            if (!allowed.contains(node.textValue())) {
                throw new OcppError(ErrorCode.PropertyConstraintViolation,
                        path + " is not one of the values OCPP allows: " + node.textValue(), path);
            }
        };
    }

    /** An integer that fits 32 bits (ids, connector numbers). */
    static PayloadShape integer() {
        return (path, node) -> requireType(node.isIntegralNumber() && node.canConvertToInt(), path, "an integer");
    }

    /** An integer that fits 64 bits (meter registers in Wh, which can be large lifetime values). */
    static PayloadShape longInteger() {
        return (path, node) -> requireType(node.isIntegralNumber() && node.canConvertToLong(), path, "an integer");
    }

    /** An RFC 3339 date-time with its offset, as OCPP's dateTime. */
    static PayloadShape dateTime() {
        return (path, node) -> {
            requireType(node.isTextual(), path, "a date-time string");
            try {
                OffsetDateTime.parse(node.textValue());
            } catch (DateTimeParseException e) {
                throw new OcppError(ErrorCode.PropertyConstraintViolation,
                        path + " is not a date-time with offset (such as 2026-03-29T00:45:00Z): " + node.textValue(),
                        path);
            }
        };
    }

    static PayloadShape arrayOf(PayloadShape items, int minItems) {
        return (path, node) -> {
            requireType(node.isArray(), path, "an array");
            if (node.size() < minItems) {
                throw new OcppError(ErrorCode.PropertyConstraintViolation,
                        path + " needs at least " + minItems + " element(s)", path);
            }
            for (int i = 0; i < node.size(); i++) {
                items.check(path + "[" + i + "]", node.get(i));
            }
        };
    }

    static ObjectShape object() {
        return new ObjectShape(Map.of(), List.of());
    }

    private static void requireType(boolean ok, String path, String expected) {
        if (!ok) {
            throw new OcppError(ErrorCode.TypeConstraintViolation, path + " must be " + expected, path);
        }
    }

    /** A JSON object with required and optional properties; other properties are tolerated. */
    final class ObjectShape implements PayloadShape {

        private final Map<String, PayloadShape> properties;
        private final List<String> required;

        private ObjectShape(Map<String, PayloadShape> properties, List<String> required) {
            this.properties = properties;
            this.required = required;
        }

        public ObjectShape required(String name, PayloadShape shape) {
            return with(name, shape, true);
        }

        public ObjectShape optional(String name, PayloadShape shape) {
            return with(name, shape, false);
        }

        private ObjectShape with(String name, PayloadShape shape, boolean isRequired) {
            Map<String, PayloadShape> more = new LinkedHashMap<>(properties);
            more.put(name, shape);
            List<String> requiredMore = new ArrayList<>(required);
            if (isRequired) {
                requiredMore.add(name);
            }
            return new ObjectShape(Collections.unmodifiableMap(more), List.copyOf(requiredMore));
        }

        /** Checks a whole payload (the root object, path empty). */
        public void checkPayload(JsonNode payload) {
            check("", payload);
        }

        @Override
        public void check(String path, JsonNode node) {
            if (!node.isObject()) {
                throw new OcppError(path.isEmpty() ? ErrorCode.FormationViolation : ErrorCode.TypeConstraintViolation,
                        (path.isEmpty() ? "the payload" : path) + " must be a JSON object", path.isEmpty() ? null : path);
            }
            for (String name : required) {
                JsonNode value = node.get(name);
                if (value == null || value.isNull()) {
                    String field = join(path, name);
                    throw new OcppError(ErrorCode.FormationViolation, field + " is required", field);
                }
            }
            for (Map.Entry<String, PayloadShape> property : properties.entrySet()) {
                JsonNode value = node.get(property.getKey());
                if (value != null && !value.isNull()) {
                    property.getValue().check(join(path, property.getKey()), value);
                }
            }
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
