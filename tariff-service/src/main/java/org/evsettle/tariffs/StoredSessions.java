package org.evsettle.tariffs;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is stored of a batch's sessions (their prices and unpriced entries), read and locked with one
 * query each before the batch is applied, and kept current as its events apply in order: a correction
 * after a completion of the same session in one batch sees the price the completion made.
 */
final class StoredSessions {

    private final Map<UUID, SessionPrice> prices = new HashMap<>();
    private final Map<UUID, UnpricedSession> unpriced = new HashMap<>();

    private StoredSessions() {
    }

    /** Reads the sessions' rows, locked so that a concurrent pricing of a waiting session orders with the batch. */
    static StoredSessions lock(Collection<UUID> sessionIds) {
        StoredSessions stored = new StoredSessions();
        if (sessionIds.isEmpty()) {
            return stored;
        }
        UUID[] ids = sessionIds.stream().distinct().sorted().toArray(UUID[]::new);
        // prices first, then unpriced entries: the order in which a waiting session's pricing takes them too;
        // one array parameter rather than a parameter per session, so the statement is the same for every batch
        lockedRows(SessionPrice.class, "session_price", ids).forEach(stored::priced);
        lockedRows(UnpricedSession.class, "unpriced_session", ids).forEach(stored::unpriced);
        return stored;
    }

    private static <T> List<T> lockedRows(Class<T> entity, String table, UUID[] ids) {
        return SessionPrice.getEntityManager()
                .createNativeQuery("SELECT * FROM " + table + " WHERE session_id = ANY(?1) ORDER BY session_id FOR UPDATE",
                        entity)
                .setParameter(1, ids)
                .getResultList();
    }

    SessionPrice price(UUID sessionId) {
        return prices.get(sessionId);
    }

    UnpricedSession unpriced(UUID sessionId) {
        return unpriced.get(sessionId);
    }

    void priced(SessionPrice price) {
        prices.put(price.sessionId, price);
    }

    void unpriced(UnpricedSession session) {
        unpriced.put(session.sessionId, session);
    }

    void forgetUnpriced(UUID sessionId) {
        unpriced.remove(sessionId);
    }
}
