package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.outbox.api.KeysetQuery;

/**
 * A list of registry entities of one kind as the API pages it: the entity's keyset order, the filters
 * a request sets (each an equality, left out when null), and one query of limit + 1 rows after the
 * cursor, however deep the page (the kit's KeysetQuery).
 */
public final class RegistryList<T extends PanacheEntityBase> {

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

    public Page<T> page(PageRequest request) {
        return KeysetQuery.page(type, keyset, String.join(" and ", conditions), parameters, request, key);
    }
}
