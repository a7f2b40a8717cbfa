package org.evsettle.outbox.api;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;

/**
 * Reads one page of an entity list by the platform's keyset rule, the same in every service: the
 * list's own conditions and the cursor's, {@code limit + 1} rows in key order, and a next cursor when
 * the extra row came.
 */
public final class KeysetQuery {

    private KeysetQuery() {
    }

    /**
     * The page of entities that meet the condition (JPQL over the entity's fields with named parameters,
     * "" for all), ordered by the keyset; key gives an entity's values of the keyset's columns.
     */
    public static <E> Page<E> page(Class<E> entity, Keyset keyset, String where, Map<String, Object> parameters,
                                   PageRequest request, Function<E, List<Object>> key) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> bound = new HashMap<>(parameters);
        if (!where.isBlank()) {
            conditions.add("(" + where + ")");
        }
        keyset.after(request.cursor()).ifPresent(after -> {
            conditions.add(after.condition());
            bound.putAll(after.parameters());
        });
        String jpql = "from " + entity.getSimpleName()
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + keyset.orderBy();
        TypedQuery<E> query = Panache.getEntityManager().createQuery(jpql, entity).setMaxResults(request.limit() + 1);
        bound.forEach(query::setParameter);
        return keyset.page(query.getResultList(), request.limit(), key);
    }
}
