package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.outbox.api.KeysetQuery;

/**
 * A list of registry entities of one kind as the API pages it: the entity's keyset order, the filters
 * a request sets (equalities, or a text that an attribute contains; left out when null), and one query of
 * limit + 1 rows after the cursor, however deep the page (the kit's KeysetQuery).
 */
public final class RegistryList<T extends PanacheEntityBase> {

    /** What makes a % or _ of a searched text a plain character. */
    private static final String LIKE_ESCAPE = "!";

    private final Class<T> type;
    private final Keyset keyset;
    private final Function<T, List<Object>> key;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private RegistryList(Class<T> type, Keyset keyset, Function<T, List<Object>> key) {
        this.type = type;
        this.keyset = keyset;
        this.key = key;
    }

    /** A list of the type in the keyset's order; key gives an entity's values of the keyset's columns. */
    public static <T extends PanacheEntityBase> RegistryList<T> of(Class<T> type, Keyset keyset,
                                                                 Function<T, List<Object>> key) {
        return new RegistryList<>(type, keyset, key);
    }

    /** Only the entities whose attribute equals the value; no filter when the value is null. */
    public RegistryList<T> where(String attribute, Object value) {
        if (value != null) {
            conditions.add(attribute + " = :" + attribute);
            parameters.put(attribute, value);
        }
        return this;
    }

    /**
     * Only the entities in one of whose attributes the text occurs, in any case; no filter when the text is null.
     * PostgreSQL lowers both sides (the way an index on lower(attribute) has them); % and _ in the text are
     * matched as themselves.
     */
    public RegistryList<T> containing(String text, String... attributes) {
        if (text != null) {
            conditions.add(Arrays.stream(attributes)
                    .map(attribute -> "lower(" + attribute + ") like lower(:contains) escape '" + LIKE_ESCAPE + "'")
                    .collect(Collectors.joining(" or ", "(", ")")));
            parameters.put("contains", "%" + text.replace(LIKE_ESCAPE, LIKE_ESCAPE + LIKE_ESCAPE)
                    .replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_") + "%");
        }
        return this;
    }

    public Page<T> page(PageRequest request) {
        return KeysetQuery.page(type, keyset, String.join(" and ", conditions), parameters, request, key);
    }
}
