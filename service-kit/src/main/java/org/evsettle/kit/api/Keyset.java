package org.evsettle.kit.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keyset paging, the platform's one way through a list that can grow: the list is ordered by a key of
 * columns that is unique per item (the last column is the id), a page ends at its last item's key, and
 * the next page is the items after that key. Unlike an offset, it costs the same on the thousandth
 * page as on the first and neither skips nor repeats an item when items come or go meanwhile. The
 * cursor clients pass back is the key, opaque to them (JSON, base64url). Columns are named as the
 * query names them (JPQL or SQL) and may not be null.
 */
public final class Keyset {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> VALUES = new TypeReference<>() {
    };

    /** One column of the key: its name in the query, the Java type of its values, its direction. */
    public record Column(String name, Class<?> type, boolean descending) {
    }

    /** The query condition that selects the items after a cursor, with its named parameters. */
    public record After(String condition, Map<String, Object> parameters) {
    }

    private final List<Column> columns;

    private Keyset(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public static Keyset of(Column... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("A keyset needs at least one column");
        }
        return new Keyset(List.of(columns));
    }

    public static Column ascending(String name, Class<?> type) {
        return new Column(name, type, false);
    }

    public static Column descending(String name, Class<?> type) {
        return new Column(name, type, true);
    }

    /** The order of the list: {@code a desc, b desc}. */
    public String orderBy() {
        return columns.stream().map(c -> c.name() + (c.descending() ? " desc" : " asc")).collect(Collectors.joining(", "));
    }

    /**
     * The condition for the page after the cursor ({@code a <= :k0 and ((a < :k0) or (a = :k0 and b < :k1))}), or empty
     * for the first page; 400 naming cursor when it is not a cursor of this list.
     */
    public Optional<After> after(String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        List<Object> values = position(cursor).orElseThrow();
        Map<String, Object> parameters = new HashMap<>();
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parameters.put("k" + i, values.get(i));
            StringBuilder alternative = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                alternative.append(columns.get(j).name()).append(" = :k").append(j).append(" and ");
            }
            Column column = columns.get(i);
            alternative.append(column.name()).append(column.descending() ? " < :k" : " > :k").append(i).append(')');
            alternatives.add(alternative.toString());
        }
        // the leading column's bound alone lets the database start an index scan at the cursor; the
        // alternatives then decide among the rows that share its value
        Column first = columns.get(0);
        String bound = first.name() + (first.descending() ? " <= :k0" : " >= :k0");
        return Optional.of(new After("(" + bound + " and (" + String.join(" or ", alternatives) + "))", parameters));
    }

    /** The key values a cursor names, or empty for the first page; 400 naming cursor when it is not one of this list. */
    public Optional<List<Object>> position(String cursor) {
        return cursor == null ? Optional.empty() : Optional.of(decode(cursor));
    }

    /**
     * The page of items fetched for a request: fetch {@code limit + 1} items in {@link #orderBy} order
     * after the cursor; when the extra one came, there is a next page, after the last item kept.
     */
    public <T> Page<T> page(List<T> fetched, int limit, Function<T, List<Object>> key) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, encode(key.apply(items.get(limit - 1))));
    }

    String encode(List<Object> key) {
        if (key.size() != columns.size()) {
            throw new IllegalArgumentException("A key of " + columns.size() + " values was expected, not " + key);
        }
        List<String> values = key.stream().map(String::valueOf).toList();
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Object> decode(String cursor) {
        try {
            List<String> texts = JSON.readValue(Base64.getUrlDecoder().decode(cursor), VALUES);
            if (texts.size() != columns.size()) {
                throw new IllegalArgumentException("wrong length");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                values.add(parse(texts.get(i), columns.get(i).type()));
            }
            return values;
        } catch (java.io.IOException | RuntimeException e) {
            throw DomainException.invalid("cursor", "is not the next of a page of this list");
        }
    }

    private static Object parse(String text, Class<?> type) {
        if (type == String.class) {
            return text;
        } else if (type == UUID.class) {
            return UUID.fromString(text);
        } else if (type == Instant.class) {
            return Instant.parse(text);
        } else if (type == LocalDate.class) {
            return LocalDate.parse(text);
        } else if (type == Long.class) {
            return Long.valueOf(text);
        } else if (type == Integer.class) {
            return Integer.valueOf(text);
        }
        throw new IllegalArgumentException("No cursor form for " + type.getName());
    }
}
