package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.Panache;
import org.evsettle.kit.api.DomainException;

/**
 * A search of an operator's drivers for a text in their name or e-mail, in any case: 2 to 100 characters
 * once trimmed. The trigram indexes on lower(name) and lower(email) answer it (V5 migration).
 */
public record DriverSearch(String text) {

    public static final int SHORTEST = 2;
    public static final int LONGEST = 100;

    /**
     * The search of query parameter q; null when q is absent or blank (as every filter), 400 naming q when it is
     * too short or too long.
     */
    public static DriverSearch of(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        if (text.length() < SHORTEST || text.length() > LONGEST) {
            throw DomainException.invalid("q", "must be " + SHORTEST + " to " + LONGEST + " characters once trimmed");
        }
        return new DriverSearch(text);
    }

    /**
     * Has PostgreSQL plan this transaction's statements for the text they search: a plan cached for any text
     * (which PostgreSQL may keep after five runs of the same statement) reads both trigram indexes whole for a
     * text of two characters, where the plan for that text reads the operator's drivers in list order.
     */
    void planForTheText() {
        Panache.getEntityManager().createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
                .getSingleResult();
    }
}
