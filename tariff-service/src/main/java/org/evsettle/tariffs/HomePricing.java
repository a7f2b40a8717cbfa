package org.evsettle.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionSnapshot;

/**
 * The rule for a session at an employee's HOME site (docs/money-and-time.md, "Reimbursements"): the owner's own
 * session is priced with the owner's reimbursement rate (the one for the driver, else the newest for the driver's
 * user type, in force at the session's start) and is paid to them, not invoiced; anyone else's session there (a
 * partner, a guest) is NOT_BILLED: neither invoiced nor reimbursed; a session with no known card is held for review,
 * never priced to a guess. An owner without a rate yet waits for one, as a session waits for a tariff.
 */
final class HomePricing {

    private static final Comparator<TariffResolver.Resolution> NEWEST = Comparator
            .comparing((TariffResolver.Resolution r) -> r.tariff().createdAt)
            .thenComparing(r -> r.tariff().id);

    private HomePricing() {
    }

    static SessionPricing.Attempt attempt(SessionCompleted session, Site home, List<Tariff> operatorTariffs) {
        SessionSnapshot who = session.snapshot();
        if (who.driverId() == null) {
            return SessionPricing.Attempt.unpriced("a session without a known card at the home charger of driver "
                    + home.ownerDriverId + ": held for review, never reimbursed to a guess", false);
        }
        if (!who.driverId().equals(home.ownerDriverId)) {
            return SessionPricing.Attempt.notBilled(nothing(who.operatorId()));
        }
        Optional<TariffResolver.Resolution> rate = rate(operatorTariffs, who.driverId(), who.userType(), session);
        if (rate.isEmpty()) {
            return SessionPricing.Attempt.unpriced("no reimbursement rate applies to driver " + who.driverId()
                    + " (user type " + Optional.ofNullable(who.userType()).orElse("(none)") + ") at "
                    + session.startedAt(), true);
        }
        return terms(rate.get().version(), who.driverId(), session.startedAt())
                .map(terms -> SessionPricing.Attempt.priced(rate.get(), PricingEngine.price(session, terms)))
                .orElseGet(() -> SessionPricing.Attempt.unpriced("driver " + who.driverId()
                        + " has no energy contract in force on " + dayOf(rate.get().version(), session.startedAt())
                        + ", which their reimbursement rate pays by: reimbursed once it is entered", true));
    }

    /**
     * What a home session is priced with under a rate's version: a FIXED version's own terms; a CONTRACT version's
     * are the prices of the employee's contract in force on the session's day (in the operator's zone), each at most
     * the version's capPerKwh; none while the employee has no contract for that day.
     */
    static Optional<TariffTerms> terms(TariffVersion version, UUID driverId, Instant startedAt) {
        if (!ReimbursementRates.Basis.CONTRACT.name().equals(version.basis)) {
            return Optional.of(version.terms());
        }
        return EnergyContract.inForce(driverId, dayOf(version, startedAt))
                .map(contract -> new TariffTerms(version.tariff.currency, version.vatRate,
                        ZoneId.of(version.timeZone), contract.components(version.capPerKwh)));
    }

    private static LocalDate dayOf(TariffVersion version, Instant at) {
        return at.atZone(ZoneId.of(version.timeZone)).toLocalDate();
    }

    /** The rate that reimburses this driver's session: their own, else their user type's; in force at its start. */
    static Optional<TariffResolver.Resolution> rate(List<Tariff> operatorTariffs, UUID driverId, String userType,
                                                    SessionCompleted session) {
        List<Tariff> rates = operatorTariffs.stream().filter(tariff -> !tariff.isCharge()).toList();
        Optional<TariffResolver.Resolution> own = inForce(rates.stream()
                .filter(rate -> Objects.equals(rate.driverId, driverId)).toList(), session);
        return own.or(() -> inForce(rates.stream()
                .filter(rate -> rate.driverId == null && rate.names(userType)).toList(), session));
    }

    private static Optional<TariffResolver.Resolution> inForce(List<Tariff> rates, SessionCompleted session) {
        return rates.stream()
                .flatMap(rate -> rate.versionAt(session.startedAt())
                        .map(version -> new TariffResolver.Resolution(rate, version)).stream())
                .max(NEWEST);
    }

    /** The price of a session nobody pays or is paid for. */
    private static Price nothing(UUID operatorId) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        return new Price(Operator.currencyOf(operatorId), List.of(), zero, BigDecimal.ZERO, zero, zero);
    }
}
