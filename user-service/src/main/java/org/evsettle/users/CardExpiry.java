package org.evsettle.users;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.evsettle.users.config.CardSettings;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * Marks ACTIVE cards EXPIRED once their operator's date is past validUntil, so that the registry
 * (and every projection of it) says what the gateway already enforces. Renewing the card (a later
 * validUntil) makes it usable again.
 */
@ApplicationScoped
public class CardExpiry {

    private final RegistryPublisher registry;
    private final Clock clock;
    private final CardSettings settings;

    public CardExpiry(RegistryPublisher registry, Clock clock, CardSettings settings) {
        this.registry = registry;
        this.clock = clock;
        this.settings = settings;
    }

    // the interval's default is CardSettings'

    @Scheduled(every = "${evsettle.cards.expiry-check}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDueCards() {
        expireAsOf(clock.instant());
    }

    /** Expires every ACTIVE card whose validUntil lies before the operator's date at that instant. */
    @Transactional
    public int expireAsOf(Instant now) {
        // the latest date anywhere on earth bounds the query; each operator's own date decides
        LocalDate latestToday = LocalDate.ofInstant(now, ZoneOffset.ofHours(14));
        List<Card> candidates = Card.list("status = ?1 and validUntil < ?2", Card.Status.ACTIVE.name(), latestToday);
        int expired = 0;
        for (Card card : candidates) {
            LocalDate today = Operator.byId(card.operatorId).map(operator -> operator.today(now)).orElse(latestToday);
            if (!card.isValidOn(today)) {
                card.expire();
                registry.changed(card);
                expired++;
            }
        }
        if (expired > 0) {
            Log.infof("Expired %d cards past their validUntil (checked every %s)", expired, settings.expiryCheck());
        }
        return expired;
    }
}
