package org.evsettle.tariffs;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionSnapshot;
import org.evsettle.events.tariffs.PricePurpose;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.events.tariffs.TariffEvent;
import org.evsettle.kit.api.DomainException;
import org.evsettle.outbox.audit.AuditTrail;
import org.evsettle.tariffs.messaging.PricePublisher;

/**
 * The rules of an operator's reimbursement rates for home charging (docs/money-and-time.md, "Reimbursements"). A
 * rate is for one employee (driverId) or for user types, kept as a {@link Tariff} of purpose REIMBURSEMENT so that
 * the same versions and pricing engine price it: FIXED, one price per kWh; CONTRACT, the prices of the employee's
 * {@link EnergyContract} in force on the session's day, each capped at capPerKwh.
 * A version takes effect at the start of its day in the operator's zone and never before today, unless it is a
 * correction with a reason: then it is audited as such and the sessions it covers that were priced already are
 * priced again (announced as repriced, which invoice-service settles on a statement, or a supplementary one).
 */
@ApplicationScoped
public class ReimbursementRates {

    /** A version's terms as the company sets them. */
    public record Terms(LocalDate effectiveFrom, Basis basis, BigDecimal pricePerKwh, BigDecimal capPerKwh,
                        BigDecimal monthlyCap, BigDecimal vatRate, boolean correction, String reason) {
    }

    /** What a version's price per kWh is: a FIXED price, or the employee's energy CONTRACT price. */
    public enum Basis {
        FIXED, CONTRACT
    }

    private final TariffChanges changes;
    private final AuditTrail audit;
    private final PricePublisher publisher;
    private final Clock clock;

    public ReimbursementRates(TariffChanges changes, AuditTrail audit, PricePublisher publisher, Clock clock) {
        this.changes = changes;
        this.audit = audit;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A new rate with its first version, for one driver of the operator or for user types it has. */
    @Transactional
    public Tariff create(UUID operatorId, UUID driverId, String userType, Terms terms) {
        if ((driverId == null) == (userType == null)) {
            throw DomainException.invalid("driverId", "give driverId or userType, not both and not neither");
        }
        if (driverId != null && Driver.userTypeOf(driverId, operatorId).isEmpty()) {
            throw DomainException.invalid("driverId", "is not a driver of this operator");
        }
        if (userType != null && !Operator.userTypesOf(operatorId).contains(userType)) {
            throw DomainException.invalid("userType", "is not a user type of this operator");
        }
        boolean taken = Tariff.<Tariff>list("operatorId = ?1 and purpose = ?2", operatorId,
                        PricePurpose.REIMBURSEMENT.name()).stream()
                .anyMatch(rate -> driverId != null ? driverId.equals(rate.driverId)
                        : rate.driverId == null && rate.names(userType));
        if (taken) {
            throw DomainException.conflict("This " + (driverId != null ? "driver" : "user type")
                    + " has a reimbursement rate already: give it a new version");
        }
        Tariff rate = Tariff.create(operatorId, null, null, driverId != null ? "Reimbursement of " + driverId
                : "Reimbursement of " + userType, userType == null ? List.of() : List.of(userType),
                Operator.currencyOf(operatorId));
        rate.purpose = PricePurpose.REIMBURSEMENT.name();
        rate.driverId = driverId;
        TariffVersion version = addVersion(rate, terms);
        rate.persist();
        audit.record(operatorId, "ReimbursementRate", rate.id, terms.correction() ? "CORRECTED" : "CREATED", null,
                state(rate, version));
        changes.changed(operatorId);
        reprice(rate, version, terms);
        return rate;
    }

    /** The next version of a rate the caller may administer (else 404). */
    @Transactional
    public Tariff revise(UUID rateId, java.util.function.Predicate<UUID> administers, Terms terms) {
        Tariff rate = of(rateId, administers, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> before = rate.latestVersion().map(v -> state(rate, v)).orElse(null);
        TariffVersion version = addVersion(rate, terms);
        audit.record(rate.operatorId, "ReimbursementRate", rate.id, terms.correction() ? "CORRECTED" : "REVISED",
                before, state(rate, version));
        changes.changed(rate.operatorId);
        reprice(rate, version, terms);
        return rate;
    }

    /** A rate the caller may administer, else 404. */
    public static Tariff of(UUID rateId, java.util.function.Predicate<UUID> administers, LockModeType lock) {
        return Tariff.<Tariff>findByIdOptional(rateId, lock)
                .filter(t -> !t.isCharge() && administers.test(t.operatorId))
                .orElseThrow(() -> DomainException.notFound("Reimbursement rate", rateId));
    }

    /** The rate in force today for a driver: their own, else their user type's. */
    public Optional<TariffResolver.Resolution> inForceFor(UUID driverId, UUID operatorId) {
        String userType = Driver.userTypeOf(driverId, operatorId).orElse(null);
        SessionCompleted now = new SessionCompleted(null, null, 0, 0, null, clock.instant(), clock.instant(), 0, 0, 0,
                null, null, null);
        return HomePricing.rate(Tariff.ofOperator(operatorId), driverId, userType, now);
    }

    private TariffVersion addVersion(Tariff rate, Terms terms) {
        ZoneId zone = Operator.zoneOf(rate.operatorId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (terms.effectiveFrom().isBefore(today) && !terms.correction()) {
            throw DomainException.invalid("effectiveFrom", "must not be before today (" + today + "): a rate never"
                    + " changes what was reimbursed, unless it is a correction with a reason");
        }
        if (terms.correction() && (terms.reason() == null || terms.reason().isBlank())) {
            throw DomainException.invalid("reason", "a correction needs a reason, kept in the audit trail");
        }
        TariffVersion version = rate.addVersion(terms.effectiveFrom().atStartOfDay(zone).toInstant(),
                Optional.ofNullable(terms.vatRate()).orElse(BigDecimal.ZERO), zone, components(terms),
                terms.correction());
        version.monthlyCap = terms.monthlyCap();
        version.basis = terms.basis().name();
        version.capPerKwh = terms.capPerKwh();
        version.reason = terms.correction() ? terms.reason().trim() : null;
        return version;
    }

    /** The energy components a version prices with: one FIXED price; a CONTRACT's are the contract's in force. */
    static List<TariffComponent> components(Terms terms) {
        if (terms.basis() == Basis.CONTRACT) {
            return List.of();
        }
        if (terms.pricePerKwh() == null) {
            throw DomainException.invalid("pricePerKwh", "is required for basis FIXED");
        }
        return List.of(new TariffComponent(ComponentType.ENERGY, terms.pricePerKwh(), "Home charging", null, null,
                null, null));
    }

    /**
     * After a correction: the sessions already priced with this rate (or, for a driver's own rate, the driver's
     * reimbursed sessions) from its effective date are priced again, each announced as repriced.
     */
    private void reprice(Tariff rate, TariffVersion version, Terms terms) {
        if (!terms.correction()) {
            return;
        }
        List<SessionPrice> covered = SessionPrice.<SessionPrice>find("operatorId = ?1 and purpose = ?2 and startedAt >= ?3"
                        + (rate.driverId != null ? " and driverId = ?4" : " and tariffId = ?4"),
                rate.operatorId, PricePurpose.REIMBURSEMENT.name(), version.effectiveFrom,
                rate.driverId != null ? rate.driverId : rate.id).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        List<Tariff> tariffs = Tariff.ofOperator(rate.operatorId);
        List<TariffEvent> repriced = new ArrayList<>();
        for (SessionPrice price : covered) {
            SessionCompleted session = sessionOf(price);
            Optional<TariffResolver.Resolution> now = HomePricing.rate(tariffs, price.driverId, price.userType, session);
            if (now.isEmpty()) {
                continue;
            }
            Optional<TariffTerms> priceTerms = HomePricing.terms(now.get().version(), price.driverId,
                    price.startedAt);
            if (priceTerms.isEmpty()) {
                continue;
            }
            Price newPrice = PricingEngine.price(session, priceTerms.get());
            if (newPrice.grossAmount().compareTo(price.grossAmount) == 0 && now.get().tariff().id.equals(price.tariffId)
                    && now.get().version().version == price.tariffVersion) {
                continue;
            }
            price.update(session, price.revision, now.get().version(), newPrice);
            repriced.add(new SessionRepriced(price.sessionId, price.revision, price.toEvent(),
                    "reimbursement rate corrected: " + version.reason));
        }
        publisher.announce(repriced);
        Log.infof("Reimbursement rate %s version %d corrected from %s: %d sessions repriced", rate.id, version.version,
                version.effectiveFrom, repriced.size());
    }

    /** A priced session again as it completed (its energy; no readings, which a home session's price needs not). */
    private static SessionCompleted sessionOf(SessionPrice price) {
        PricedSession s = price.toEvent().session();
        return new SessionCompleted(price.sessionId, s.chargePointId(), s.transactionId(), 0,
                new SessionSnapshot(price.operatorId, s.siteId(), s.chargerId(), s.cardId(), price.driverId, s.idTag(),
                        price.userType),
                s.startedAt(), s.stoppedAt(), 0, s.energyWh(), s.energyWh(), null, null, null);
    }

    private static Map<String, Object> state(Tariff rate, TariffVersion version) {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("driverId", rate.driverId);
        state.put("userTypes", List.copyOf(rate.userTypes));
        state.put("version", version.version);
        state.put("effectiveFrom", version.effectiveFrom);
        state.put("components", List.copyOf(version.components));
        state.put("monthlyCap", version.monthlyCap);
        state.put("vatRate", version.vatRate);
        state.put("reason", version.reason);
        return state;
    }
}
