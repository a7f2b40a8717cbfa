package org.evsettle.invoices.api;

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

/** Reads one page of an entity list by the platform's keyset rule: limit + 1 rows in key order after the cursor. */
final class Pages {

    private Pages() {
    }

    /** The page of entities that meet the condition (JPQL with named parameters; "" for all). */
    static <E> Page<E> of(Class<E> entity, String where, Map<String, Object> parameters, Keyset keyset,
                          PageRequest request, Function<E, List<Object>> key) {
        int limit = request.limit();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> bound = new HashMap<>(parameters);
        if (!where.isBlank()) {
            conditions.add(where);
        }
        keyset.after(request.cursor()).ifPresent(after -> {
            conditions.add(after.condition());
            bound.putAll(after.parameters());
        });
        String jpql = "from " + entity.getSimpleName()
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)) + " order by " + keyset.orderBy();
        TypedQuery<E> query = Panache.getEntityManager().createQuery(jpql, entity).setMaxResults(limit + 1);
        bound.forEach(query::setParameter);
        return keyset.page(query.getResultList(), limit, key);
    }
}
