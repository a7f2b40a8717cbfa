package org.evsettle.tariffs;

import java.util.stream.Stream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.events.sessions.SessionEvent;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.events.sessions.SessionSnapshot;
import org.evsettle.events.tariffs.RunningCostCalculated;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.events.tariffs.TariffEvent;
import org.evsettle.outbox.consumer.MalformedRecord;
import org.evsettle.tariffs.messaging.PricePublisher;
import org.evsettle.tariffs.messaging.RunningCosts;

/**
 * Prices sessions and keeps their prices current: a completed session is priced once; a correction
 * (a newer revision) prices the corrected session again and announces the new price as replacing the
 * old one; a session no tariff applies to is kept as unpriced and priced once a tariff for it
 * appears. Each price is stored and announced in the same transaction; a batch of events is applied
 * with a few queries in all, not a few per session. A session still charging is priced the same way for
 * its station's display ({@link RunningCosts}), and nothing of it is stored or announced.
 */
@ApplicationScoped
public class SessionPricing {

    private final PricePublisher publisher;
    private final RunningCosts runningCosts;
    private final OperatorTariffs operatorTariffs;
    private final EntityManager entityManager;
    private final Counter unpricedCount;

    public SessionPricing(PricePublisher publisher, RunningCosts runningCosts, OperatorTariffs operatorTariffs,
                          EntityManager entityManager, MeterRegistry meters) {
        this.publisher = publisher;
        this.runningCosts = runningCosts;
        this.operatorTariffs = operatorTariffs;
        this.entityManager = entityManager;
        this.unpricedCount = Counter.builder("evsettle.tariffs.sessions.unpriced")
                .description("Sessions (or corrections) no tariff could price; listed per operator over REST")
                .register(meters);
    }

    /** What trying to price a session gave: a price under a tariff version, or the reason there is none. */
    record Attempt(TariffResolver.Resolution resolution, Price price, String reason, boolean waiting) {

        static Attempt priced(TariffResolver.Resolution resolution, Price price) {
            return new Attempt(resolution, price, null, false);
        }

        static Attempt unpriced(String reason, boolean waiting) {
            return new Attempt(null, null, reason, waiting);
        }

        /** Priced at nothing under no tariff: a session at an employee's home charger by someone else. */
        static Attempt notBilled(Price nothing) {
            return new Attempt(null, nothing, null, false);
        }

        /** What the driver pays so far, VAT included: only under a tariff or rate, and only when it is something. */
        Optional<Price> runningCost() {
            return Optional.ofNullable(resolution).map(r -> price).filter(p -> p.grossAmount().signum() > 0);
        }
    }

    /**
     * Applies a batch of completions and corrections in order, in the caller's transaction. What is stored
     * of the batch's sessions, their operators' tariffs and the chargers they name are read up front, a
     * query each; the prices are written at the end in JDBC batches and announced with one outbox write.
     * Of a session's progress only the batch's latest is priced, after the rest, and shown only while the
     * session has neither a price nor an unpriced entry (it has not been completed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<SessionEvent> all) {
        List<SessionEvent> events = runningCosts.enabled() ? all
                : all.stream().filter(event -> !(event instanceof SessionProgressed)).toList();
        if (events.isEmpty()) {
            return;
        }
        List<SessionCompleted> sessions = events.stream().map(SessionPricing::sessionOf).filter(Objects::nonNull)
                .toList();
        StoredSessions stored = StoredSessions.lock(events.stream().map(SessionEvent::sessionId).toList());
        Map<String, Charger> chargers = Charger.inService(sessions.stream()
                .filter(SessionPricing::needsRegistryCharger).map(SessionCompleted::chargePointId).toList());
        Map<UUID, Site> sites = Site.byId(Stream.concat(
                sessions.stream().map(SessionCompleted::snapshot).filter(Objects::nonNull).map(SessionSnapshot::siteId),
                chargers.values().stream().map(charger -> charger.siteId)).filter(Objects::nonNull).distinct().toList());
        operatorTariffs.load(sessions.stream().map(SessionCompleted::snapshot).filter(Objects::nonNull)
                .map(SessionSnapshot::operatorId).filter(Objects::nonNull).toList());
        Batch batch = new Batch(stored, chargers, sites, new NewPrices(), new ArrayList<>(), new LinkedHashMap<>());
        for (SessionEvent event : events) {
            if (event instanceof SessionCompleted completed) {
                completed(completed, batch);
            } else if (event instanceof SessionCorrected correction) {
                corrected(correction, batch);
            } else if (event instanceof SessionProgressed progress) {
                progressed(progress, batch);
            }
        }
        entityManager.flush();
        batch.newPrices().write(entityManager);
        publisher.announce(batch.announcements());
        runningCosts.show(runningCosts(batch));
    }

    /**
     * What a batch works with: its sessions as stored, the registry's chargers it needs, the first prices
     * it makes (written at its end), the prices it announces and the latest progress of each session.
     */
    private record Batch(StoredSessions stored, Map<String, Charger> chargers, Map<UUID, Site> sites,
                         NewPrices newPrices, List<TariffEvent> announcements,
                         Map<UUID, SessionProgressed> latestProgress) {

        Optional<Charger> charger(String chargePointId) {
            return Optional.ofNullable(chargers.get(chargePointId));
        }

        Optional<Site> site(UUID siteId) {
            return Optional.ofNullable(sites.get(siteId));
        }
    }

    /** Prices a completed session, unless it was handled before (a redelivery, or a correction got here first). */
    private void completed(SessionCompleted session, Batch batch) {
        UUID sessionId = session.sessionId();
        if (batch.stored().price(sessionId) != null || batch.stored().unpriced(sessionId) != null) {
            Log.debugf("Session %s was handled before; its completion is ignored", sessionId);
            return;
        }
        settle(session, 0, null, batch);
    }

    /** Prices a corrected session again, unless this correction's revision is not newer than the one applied. */
    private void corrected(SessionCorrected correction, Batch batch) {
        UUID sessionId = correction.sessionId();
        if (correction.corrected() == null || !sessionId.equals(correction.corrected().sessionId())) {
            throw new MalformedRecord("correction " + correction.revision() + " of session " + sessionId
                    + " carries no corrected session of that id");
        }
        SessionPrice priced = batch.stored().price(sessionId);
        UnpricedSession unpriced = batch.stored().unpriced(sessionId);
        int applied = Math.max(priced == null ? -1 : priced.revision, unpriced == null ? -1 : unpriced.revision);
        if (correction.revision() <= applied) {
            Log.debugf("Skipping correction %d of session %s: revision %d is applied already", (Object) correction.revision(),
                    sessionId, applied);
            return;
        }
        String reason = Optional.ofNullable(correction.reason()).filter(r -> !r.isBlank())
                .orElse("session corrected (revision " + correction.revision() + ")");
        settle(correction.corrected(), correction.revision(), reason, batch);
    }

    /** Notes a session's progress, replacing an earlier one of the batch. */
    private static void progressed(SessionProgressed progress, Batch batch) {
        if (progress.soFar() == null || !progress.sessionId().equals(progress.soFar().sessionId())) {
            throw new MalformedRecord("progress of session " + progress.sessionId()
                    + " carries no session so far of that id");
        }
        batch.latestProgress().put(progress.sessionId(), progress);
    }

    /** The running costs of the batch's sessions still charging, priced as their completion would be. */
    private List<RunningCostCalculated> runningCosts(Batch batch) {
        List<RunningCostCalculated> costs = new ArrayList<>();
        for (SessionProgressed progress : batch.latestProgress().values()) {
            UUID sessionId = progress.sessionId();
            if (batch.stored().price(sessionId) != null || batch.stored().unpriced(sessionId) != null) {
                Log.debugf("Session %s is completed; its progress is not shown", sessionId);
                continue;
            }
            attempt(progress.soFar(), batch).runningCost()
                    .ifPresent(price -> costs.add(RunningCosts.of(progress, price)));
        }
        return costs;
    }

    /**
     * Tries a waiting session again with the operator's tariffs as they are now; returns whether it
     * was priced. The caller holds a lock on it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean retry(UnpricedSession waiting, List<Tariff> tariffs) {
        Attempt attempt = attempt(waiting.session, tariffs, Charger::inService, Site::known);
        if (attempt.price() == null) {
            waiting.reason = attempt.reason();
            return false;
        }
        SessionPrice earlier = SessionPrice.<SessionPrice>findByIdOptional(waiting.sessionId,
                LockModeType.PESSIMISTIC_WRITE).orElse(null);
        String reason = "correction " + waiting.revision + " priced once a tariff applied to it";
        List<TariffEvent> announcement = new ArrayList<>(1);
        store(waiting.session, waiting.revision, reason, earlier, attempt, price -> price.persist(), announcement);
        publisher.announce(announcement);
        waiting.delete();
        return true;
    }

    private void settle(SessionCompleted session, int revision, String reason, Batch batch) {
        StoredSessions stored = batch.stored();
        SessionPrice earlier = stored.price(session.sessionId());
        UnpricedSession unpriced = stored.unpriced(session.sessionId());
        Attempt attempt = attempt(session, batch);
        if (attempt.price() != null) {
            stored.priced(store(session, revision, reason, earlier, attempt, batch.newPrices()::add,
                    batch.announcements()));
            if (unpriced != null) {
                unpriced.delete();
                stored.forgetUnpriced(session.sessionId());
            }
            return;
        }
        if (unpriced != null) {
            unpriced.update(session, revision, attempt.reason(), attempt.waiting());
        } else {
            UnpricedSession kept = UnpricedSession.of(session, revision, attempt.reason(), attempt.waiting());
            kept.persist();
            stored.unpriced(kept);
        }
        unpricedCount.increment();
        Log.debugf("Session %s (revision %d) is unpriced: %s%s", session.sessionId(), revision, attempt.reason(),
                earlier == null ? "" : "; its price of revision " + earlier.revision + " stands until then");
    }

    /**
     * Stores the price (the first, handed to insert, or replacing the earlier one) and adds its
     * announcement; returns it.
     */
    private static SessionPrice store(SessionCompleted session, int revision, String reason, SessionPrice earlier,
                                      Attempt attempt, Consumer<SessionPrice> insert,
                                      List<TariffEvent> announcements) {
        TariffVersion version = attempt.resolution() == null ? null : attempt.resolution().version();
        Price price = attempt.price();
        SessionPrice stored;
        if (earlier == null) {
            stored = SessionPrice.of(session, revision, version, price);
            insert.accept(stored);
            announcements.add(stored.toEvent());
        } else {
            stored = earlier;
            stored.update(session, revision, version, price);
            announcements.add(new SessionRepriced(session.sessionId(), revision, stored.toEvent(), reason));
        }
        Log.debugf("%s session %s (revision %d) at %s %s gross for %s with tariff %s version %d",
                earlier == null ? "Priced" : "Repriced", session.sessionId(), revision, price.grossAmount(),
                price.currency(), stored.purpose, stored.tariffId, stored.tariffVersion);
        return stored;
    }

    /** Prices a session of the batch with its operator's tariffs and the registry's records the batch read. */
    private Attempt attempt(SessionCompleted session, Batch batch) {
        UUID operatorId = session.snapshot() == null ? null : session.snapshot().operatorId();
        return attempt(session, operatorId == null ? List.of() : operatorTariffs.of(operatorId),
                batch::charger, batch::site);
    }

    /**
     * Prices a session with the tariff that applies to it among the operator's, or at an employee's home charger
     * by {@link HomePricing}, or says why it cannot be.
     */
    static Attempt attempt(SessionCompleted session, List<Tariff> operatorTariffs,
                           Function<String, Optional<Charger>> chargers, Function<UUID, Optional<Site>> sites) {
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
        TariffResolver.Place place = placeOf(session, chargers);
        Optional<Site> home = Optional.ofNullable(place.siteId()).flatMap(sites)
                .filter(site -> site.isHome() && site.operatorId.equals(who.operatorId()));
        if (home.isPresent()) {
            return HomePricing.attempt(session, home.get(), operatorTariffs);
        }
        return TariffResolver.choose(operatorTariffs, place, session.startedAt())
                .map(resolution -> Attempt.priced(resolution,
                        PricingEngine.price(session, resolution.version().terms())))
                .orElseGet(() -> Attempt.unpriced("no tariff of the operator applies to user type "
                        + Optional.ofNullable(who.userType()).orElse("(none)") + " at charger "
                        + session.chargePointId() + " at " + session.startedAt(), true));
    }

    /** Where the session charged: its snapshot's site and charger, or the registry's for its chargePointId. */
    private static TariffResolver.Place placeOf(SessionCompleted session,
                                                Function<String, Optional<Charger>> chargers) {
        SessionSnapshot who = session.snapshot();
        UUID siteId = who.siteId();
        UUID chargerId = who.chargerId();
        if (needsRegistryCharger(session)) {
            Optional<Charger> charger = chargers.apply(session.chargePointId())
                    .filter(c -> c.operatorId.equals(who.operatorId()));
            siteId = siteId != null ? siteId : charger.map(c -> c.siteId).orElse(null);
            chargerId = chargerId != null ? chargerId : charger.map(c -> c.id).orElse(null);
        }
        return new TariffResolver.Place(who.operatorId(), siteId, chargerId, who.userType());
    }

    private static boolean needsRegistryCharger(SessionCompleted session) {
        SessionSnapshot who = session.snapshot();
        return who != null && (who.siteId() == null || who.chargerId() == null) && session.chargePointId() != null;
    }

    /** The session an event prices: the completed one, a correction's corrected session, or a progress's so far. */
    private static SessionCompleted sessionOf(SessionEvent event) {
        if (event instanceof SessionCompleted completed) {
            return completed;
        }
        if (event instanceof SessionCorrected correction) {
            return correction.corrected();
        }
        return ((SessionProgressed) event).soFar();
    }
}
