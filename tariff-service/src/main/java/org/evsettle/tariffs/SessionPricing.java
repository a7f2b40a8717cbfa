package org.evsettle.tariffs;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionSnapshot;
import org.evsettle.tariffs.messaging.PricePublisher;

/**
 * Prices a completed session once: finds its tariff, applies the pricing rule, stores the price and
 * announces it in the same transaction; a session no tariff applies to is kept as unpriced instead.
 */
@ApplicationScoped
public class SessionPricing {

    private final TariffResolver resolver;
    private final PricePublisher publisher;

    public SessionPricing(TariffResolver resolver, PricePublisher publisher) {
        this.resolver = resolver;
        this.publisher = publisher;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void price(SessionCompleted session) {
        if (SessionPrice.findByIdOptional(session.sessionId()).isPresent()
                || UnpricedSession.findByIdOptional(session.sessionId()).isPresent()) {
            Log.infof("Session %s was handled before; its completion is ignored", session.sessionId());
            return;
        }
        Optional<String> unpriceable = unpriceable(session);
        if (unpriceable.isPresent()) {
            keepUnpriced(session, unpriceable.get());
            return;
        }
        SessionSnapshot who = session.snapshot();
        resolver.resolve(who.operatorId(), who.userType(), session.startedAt()).ifPresentOrElse(
                resolution -> {
                    Price price = PricingEngine.price(session, resolution.version().terms());
                    SessionPrice stored = SessionPrice.of(session, resolution.version(), price);
                    stored.persist();
                    publisher.priced(stored.toEvent());
                    Log.infof("Priced session %s at %s %s gross with tariff %s version %d", session.sessionId(),
                            price.grossAmount(), price.currency(), resolution.tariff().id, resolution.version().version);
                },
                () -> keepUnpriced(session, "no tariff of the operator applies to user type "
                        + Optional.ofNullable(who.userType()).orElse("(none)") + " at " + session.startedAt()));
    }

    private static Optional<String> unpriceable(SessionCompleted session) {
        if (session.snapshot() == null || session.snapshot().operatorId() == null) {
            return Optional.of("the session names no operator");
        }
        if (session.energyWh() < 0) {
            return Optional.of("the session reports negative energy (" + session.energyWh() + " Wh)");
        }
        return Optional.empty();
    }

    private static void keepUnpriced(SessionCompleted session, String reason) {
        UnpricedSession.of(session, reason).persist();
        Log.warnf("Session %s is unpriced: %s", session.sessionId(), reason);
    }
}
