package org.evsettle.tariffs;

import jakarta.persistence.LockModeType;
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
        List<UUID> ids = sessionIds.stream().distinct().sorted().toList();
        // prices first, then unpriced entries: the order in which a waiting session's pricing takes them too
        SessionPrice.getEntityManager()
                .createQuery("select p from SessionPrice p where p.sessionId in ?1 order by p.sessionId",
                        SessionPrice.class)
                .setParameter(1, ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                .forEach(stored::priced);
        UnpricedSession.getEntityManager()
                .createQuery("select u from UnpricedSession u where u.sessionId in ?1 order by u.sessionId",
                        UnpricedSession.class)
                .setParameter(1, ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                .forEach(stored::unpriced);
        return stored;
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
