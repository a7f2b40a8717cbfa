package org.evsettle.outbox.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.evsettle.events.EventJson;

/**
 * What an audit entry says changed: the fields whose values differ between two states, each with its
 * value before and after. A state is any record or map, flattened to dotted field names
 * (billingAddress.city). Personal values are masked before they are kept: an IBAN shows its first and
 * last four characters, and a secret (a password, a hash, a key) only that it changed: stars and a
 * fingerprint (8 hex digits of its SHA-256), which tells two values apart and gives neither away.
 */
public final class AuditChanges {

    /** How a secret's value starts as an entry shows it. */
    public static final String SECRET = "***";
    /** What an erased person's values become ({@link AuditTrail#erasePersonalValues}). */
    public static final String ERASED = "[erased]";

    /** One field's value before and after the change; null where the field was or became absent. */
    public record Change(Object before, Object after) {
    }

    private AuditChanges() {
    }

    /** The changed fields of two states (either may be null: created, deleted), masked, by field name. */
    public static Map<String, Change> between(Object before, Object after) {
        return betweenMasked(masked(before), masked(after));
    }

    static Map<String, Change> betweenMasked(Map<String, Object> before, Map<String, Object> after) {
        Collection<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        Map<String, Change> changes = new LinkedHashMap<>();
        for (String field : fields) {
            Object was = before.get(field);
            Object is = after.get(field);
            if (!Objects.equals(was, is)) {
                changes.put(field, new Change(was, is));
            }
        }
        return changes;
    }

    /** The state flattened to dotted field names, with personal and secret values masked; empty for null. */
    public static Map<String, Object> masked(Object state) {
        Map<String, Object> flat = new LinkedHashMap<>();
        if (state != null) {
            flatten("", tree(state), flat);
        }
        return flat;
    }

    /** A state as {@link AuditTrail} stored it: flat and masked already. */
    static Map<String, Object> stored(String json) {
        return tree(json);
    }

    /** Through JSON text, so that a state read back from the table compares equal to a fresh one. */
    private static Map<String, Object> tree(Object state) {
        try {
            String json = state instanceof String text ? text : EventJson.mapper().writeValueAsString(state);
            return EventJson.mapper().readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot audit a " + state.getClass().getSimpleName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> flat) {
        tree.forEach((name, value) -> {
            String field = prefix + name;
            if (value instanceof Map<?, ?> nested) {
                flatten(field + ".", (Map<String, Object>) nested, flat);
            } else if (value != null) {
                flat.put(field, mask(name, value));
            }
        });
    }

    /** The value as an audit entry may keep it, by the field's name. */
    static Object mask(String name, Object value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("password") || lower.contains("hash") || lower.contains("secret") || name.endsWith("Key")) {
            return SECRET + fingerprint(value.toString());
        }
        if (lower.contains("iban") && value instanceof String iban) {
            return maskedIban(iban);
        }
        return value;
    }

    private static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** NL91ABNA0417164300 as NL91**********4300. */
    public static String maskedIban(String iban) {
        String compact = iban.replace(" ", "");
        if (compact.length() <= 8) {
            return SECRET;
        }
        return compact.substring(0, 4) + "*".repeat(compact.length() - 8) + compact.substring(compact.length() - 4);
    }
}
