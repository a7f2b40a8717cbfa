package org.evsettle.tariffs;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.events.sessions.SessionSnapshot;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.tariffs.messaging.PricePublisher;

/**
 * Prices sessions and keeps their prices current: a completed session is priced once; a correction
 * (a newer revision) prices the corrected session again and announces the new price as replacing the
 * old one; a session no tariff applies to is kept as unpriced and priced once a tariff for it
 * appears. Each price is stored and announced in the same transaction.
 */
@ApplicationScoped
public class SessionPricing {

    private final PricePublisher publisher;
    private final OperatorTariffs operatorTariffs;

    public SessionPricing(PricePublisher publisher, OperatorTariffs operatorTariffs) {
        this.publisher = publisher;
        this.operatorTariffs = operatorTariffs;
    }

    /** What trying to price a session gave: a price under a tariff version, or the reason there is none. */
    record Attempt(TariffResolver.Resolution resolution, Price price, String reason, boolean waiting) {

        static Attempt priced(TariffResolver.Resolution resolution, Price price) {
            return new Attempt(resolution, price, null, false);
        }

        static Attempt unpriced(String reason, boolean waiting) {
            return new Attempt(null, null, reason, waiting);
        }
    }

    /** Prices a completed session, unless it was handled before (a redelivery, or a correction got here first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(SessionCompleted session) {
        if (SessionPrice.findByIdOptional(session.sessionId()).isPresent()
                || UnpricedSession.findByIdOptional(session.sessionId()).isPresent()) {
            Log.infof("Session %s was handled before; its completion is ignored", session.sessionId());
            return;
        }
        settle(session, 0, null, null, null);
    }

    /** Prices a corrected session again, unless this correction's revision is not newer than the one applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void corrected(SessionCorrected correction) {
        UUID sessionId = correction.sessionId();
        if (correction.corrected() == null || !sessionId.equals(correction.corrected().sessionId())) {
            Log.warnf("Skipping correction %d of session %s: it carries no corrected session of that id",
                    correction.revision(), sessionId);
            return;
        }
        // the locks order this correction with a concurrent pricing of the waiting session
        SessionPrice priced = SessionPrice.<SessionPrice>findByIdOptional(sessionId, LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        UnpricedSession unpriced = UnpricedSession.<UnpricedSession>findByIdOptional(sessionId,
                LockModeType.PESSIMISTIC_WRITE).orElse(null);
        int applied = Math.max(priced == null ? -1 : priced.revision, unpriced == null ? -1 : unpriced.revision);
        if (correction.revision() <= applied) {
            Log.infof("Skipping correction %d of session %s: revision %d is applied already", correction.revision(),
                    sessionId, applied);
            return;
        }
        String reason = Optional.ofNullable(correction.reason()).filter(r -> !r.isBlank())
                .orElse("session corrected (revision " + correction.revision() + ")");
        settle(correction.corrected(), correction.revision(), reason, priced, unpriced);
    }

    /**
     * Tries a waiting session again with the operator's tariffs as they are now; returns whether it
     * was priced. The caller holds a lock on it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean retry(UnpricedSession waiting, List<Tariff> tariffs) {
        Attempt attempt = attempt(waiting.session, tariffs);
        if (attempt.price() == null) {
            waiting.reason = attempt.reason();
            return false;
        }
        SessionPrice earlier = SessionPrice.<SessionPrice>findByIdOptional(waiting.sessionId,
                LockModeType.PESSIMISTIC_WRITE).orElse(null);
        String reason = "correction " + waiting.revision + " priced once a tariff applied to it";
        announce(waiting.session, waiting.revision, reason, earlier, attempt);
        waiting.delete();
        return true;
    }

    private void settle(SessionCompleted session, int revision, String reason, SessionPrice earlier,
                        UnpricedSession unpriced) {
        UUID operatorId = session.snapshot() == null ? null : session.snapshot().operatorId();
        Attempt attempt = attempt(session, operatorId == null ? List.of() : operatorTariffs.of(operatorId));
        if (attempt.price() != null) {
            announce(session, revision, reason, earlier, attempt);
            if (unpriced != null) {
                unpriced.delete();
            }
            return;
        }
        if (unpriced != null) {
            unpriced.update(session, revision, attempt.reason(), attempt.waiting());
        } else {
            UnpricedSession.of(session, revision, attempt.reason(), attempt.waiting()).persist();
        }
        Log.warnf("Session %s (revision %d) is unpriced: %s%s", session.sessionId(), revision, attempt.reason(),
                earlier == null ? "" : "; its price of revision " + earlier.revision + " stands until then");
    }

    /** Stores the price and announces it: as the first price, or as replacing an earlier one. */
    private void announce(SessionCompleted session, int revision, String reason, SessionPrice earlier, Attempt attempt) {
        TariffVersion version = attempt.resolution().version();
        Price price = attempt.price();
        if (earlier == null) {
            SessionPrice stored = SessionPrice.of(session, revision, version, price);
            stored.persist();
            publisher.priced(stored.toEvent());
        } else {
            earlier.update(session, revision, version, price);
            publisher.repriced(new SessionRepriced(session.sessionId(), revision, earlier.toEvent(), reason));
        }
        Log.infof("%s session %s (revision %d) at %s %s gross with tariff %s version %d",
                earlier == null ? "Priced" : "Repriced", session.sessionId(), revision, price.grossAmount(),
                price.currency(), version.tariff.id, version.version);
    }

    /** Prices a session with the tariff that applies to it among the operator's, or says why it cannot be. */
    static Attempt attempt(SessionCompleted session, List<Tariff> operatorTariffs) {
        SessionSnapshot who = session.snapshot();
        if (who == null || who.operatorId() == null) {
            return Attempt.unpriced("the session names no operator", false);
        }
        if (session.energyWh() < 0) {
            return Attempt.unpriced("the session reports negative energy (" + session.energyWh() + " Wh)", false);
        }
        if (session.startedAt() == null || session.stoppedAt() == null
                || session.stoppedAt().isBefore(session.startedAt())) {
            return Attempt.unpriced("the session stops before it starts", false);
        }
        TariffResolver.Place place = placeOf(session);
        return TariffResolver.choose(operatorTariffs, place, session.startedAt())
                .map(resolution -> Attempt.priced(resolution,
                        PricingEngine.price(session, resolution.version().terms())))
                .orElseGet(() -> Attempt.unpriced("no tariff of the operator applies to user type "
                        + Optional.ofNullable(who.userType()).orElse("(none)") + " at charger "
                        + session.chargePointId() + " at " + session.startedAt(), true));
    }

    /** Where the session charged: its snapshot's site and charger, or the registry's for its chargePointId. */
    private static TariffResolver.Place placeOf(SessionCompleted session) {
        SessionSnapshot who = session.snapshot();
        UUID siteId = who.siteId();
        UUID chargerId = who.chargerId();
        if ((siteId == null || chargerId == null) && session.chargePointId() != null) {
            Optional<Charger> charger = Charger.inService(session.chargePointId())
                    .filter(c -> c.operatorId.equals(who.operatorId()));
            siteId = siteId != null ? siteId : charger.map(c -> c.siteId).orElse(null);
            chargerId = chargerId != null ? chargerId : charger.map(c -> c.id).orElse(null);
        }
        return new TariffResolver.Place(who.operatorId(), siteId, chargerId, who.userType());
    }
}
