package org.evsettle.tariffs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.evsettle.events.tariffs.PricePurpose;
import org.evsettle.kit.api.DomainException;
import org.evsettle.outbox.audit.AuditTrail;

/**
 * The rules of employees' energy contracts (docs/companies.md, "Energy contracts"), entered by the employee or by an
 * admin of the company. A driver's contracts never overlap, so a day has at most one contract in force. What was
 * reimbursed under a contract stands: a contract can be ended, or deleted, only where no home session was reimbursed
 * under it yet (a wrong contract whose sessions were reimbursed is the company's to correct with an audited rate
 * correction). A contract that is added or extended prices the home sessions that waited for one.
 */
@ApplicationScoped
public class EnergyContracts {

    /** A contract as it is entered: nightStart and nightEnd default to 23:00 and 07:00. */
    public record Terms(String supplier, LocalDate validFrom, LocalDate validTo, BigDecimal dayPricePerKwh,
                        BigDecimal nightPricePerKwh, LocalTime nightStart, LocalTime nightEnd,
                        boolean weekendsAtNightPrice) {
    }

    private static final LocalTime NIGHT_START = LocalTime.of(23, 0);
    private static final LocalTime NIGHT_END = LocalTime.of(7, 0);

    private final TariffChanges changes;
    private final AuditTrail audit;
    private final Clock clock;

    public EnergyContracts(TariffChanges changes, AuditTrail audit, Clock clock) {
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new contract of a driver of the operator (else 400). */
    @Transactional
    public EnergyContract add(UUID operatorId, UUID driverId, Terms terms) {
        lockDriver(operatorId, driverId);
        LocalTime nightStart = Optional.ofNullable(terms.nightStart()).orElse(NIGHT_START);
        LocalTime nightEnd = Optional.ofNullable(terms.nightEnd()).orElse(NIGHT_END);
        if (terms.validTo() != null && terms.validTo().isBefore(terms.validFrom())) {
            throw DomainException.invalid("validTo", "must not be before validFrom (" + terms.validFrom() + ")");
        }
        if (terms.nightPricePerKwh() != null && nightStart.equals(nightEnd)) {
            throw DomainException.invalid("nightEnd", "must differ from nightStart");
        }
        refuseOverlap(driverId, null, terms.validFrom(), terms.validTo(), "validFrom");
        EnergyContract contract = new EnergyContract();
        contract.id = UUID.randomUUID();
        contract.operatorId = operatorId;
        contract.driverId = driverId;
        contract.supplier = terms.supplier().trim();
        contract.validFrom = terms.validFrom();
        contract.validTo = terms.validTo();
        contract.dayPricePerKwh = terms.dayPricePerKwh();
        contract.nightPricePerKwh = terms.nightPricePerKwh();
        contract.nightStart = nightStart;
        contract.nightEnd = nightEnd;
        contract.weekendsAtNightPrice = terms.nightPricePerKwh() != null && terms.weekendsAtNightPrice();
        contract.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        contract.persist();
        audit.record(operatorId, "EnergyContract", contract.id, "CREATED", null, contract.auditState());
        changes.changed(operatorId);
        return contract;
    }

    /** Ends (or extends, or opens again with null) a contract the caller may change (else 404) on validTo. */
    @Transactional
    public EnergyContract end(UUID contractId, Predicate<EnergyContract> mayChange, LocalDate validTo) {
        EnergyContract contract = of(contractId, mayChange);
        lockDriver(contract.operatorId, contract.driverId);
        if (validTo != null && validTo.isBefore(contract.validFrom)) {
            throw DomainException.invalid("validTo", "must not be before validFrom (" + contract.validFrom
                    + "); a contract that reimbursed nothing can be deleted");
        }
        var before = contract.auditState();
        if (validTo != null && (contract.validTo == null || validTo.isBefore(contract.validTo))) {
            refuseIfReimbursed(contract, validTo.plusDays(1), contract.validTo);
        }
        refuseOverlap(contract.driverId, contract.id, contract.validFrom, validTo, "validTo");
        contract.validTo = validTo;
        audit.record(contract.operatorId, "EnergyContract", contract.id, "ENDED", before, contract.auditState());
        changes.changed(contract.operatorId);
        return contract;
    }

    /** Deletes a contract the caller may change (else 404) under which nothing was reimbursed (else 409). */
    @Transactional
    public void delete(UUID contractId, Predicate<EnergyContract> mayChange) {
        EnergyContract contract = of(contractId, mayChange);
        lockDriver(contract.operatorId, contract.driverId);
        refuseIfReimbursed(contract, contract.validFrom, contract.validTo);
        audit.record(contract.operatorId, "EnergyContract", contract.id, "DELETED", contract.auditState(), null);
        contract.delete();
    }

    /** A contract the caller may see or change, else 404. */
    public static EnergyContract of(UUID contractId, Predicate<EnergyContract> may) {
        return EnergyContract.<EnergyContract>findByIdOptional(contractId).filter(may)
                .orElseThrow(() -> DomainException.notFound("Energy contract", contractId));
    }

    /** The driver's contract in force today in the operator's zone. */
    public Optional<EnergyContract> inForceToday(UUID driverId, UUID operatorId) {
        return EnergyContract.inForce(driverId, LocalDate.now(clock.withZone(Operator.zoneOf(operatorId))));
    }

    /** A driver's contracts are changed one at a time: the driver's registry copy is the lock. */
    private static void lockDriver(UUID operatorId, UUID driverId) {
        Driver.<Driver>findByIdOptional(driverId, LockModeType.PESSIMISTIC_WRITE)
                .filter(driver -> driver.operatorId.equals(operatorId))
                .orElseThrow(() -> DomainException.invalid("driverId", "is not a driver of this operator"));
    }

    private static void refuseOverlap(UUID driverId, UUID except, LocalDate from, LocalDate to, String field) {
        EnergyContract.of(driverId).stream()
                .filter(other -> !other.id.equals(except) && other.overlaps(from, to))
                .findFirst()
                .ifPresent(other -> {
                    throw DomainException.invalid(field, "overlaps the contract of " + other.supplier + " from "
                            + other.validFrom + (other.validTo == null ? "" : " to " + other.validTo));
                });
    }

    /** 409 when a home session from..to (days in the operator's zone; to null: open) was reimbursed under it. */
    private static void refuseIfReimbursed(EnergyContract contract, LocalDate from, LocalDate to) {
        ZoneId zone = Operator.zoneOf(contract.operatorId);
        Instant start = from.atStartOfDay(zone).toInstant();
        // open: no end (a session a century on is as reimbursed as one tomorrow)
        Instant end = (to == null ? from.plusYears(100) : to.plusDays(1)).atStartOfDay(zone).toInstant();
        Optional<SessionPrice> reimbursed = SessionPrice.<SessionPrice>find("driverId = ?1 and purpose = ?2"
                        + " and startedAt >= ?3 and startedAt < ?4 and exists (from TariffVersion v where"
                        + " v.tariff.id = tariffId and v.version = tariffVersion and v.basis = 'CONTRACT')"
                        + " order by startedAt", contract.driverId, PricePurpose.REIMBURSEMENT.name(), start, end)
                .firstResultOptional();
        reimbursed.ifPresent(price -> {
            throw DomainException.conflict("A home session of " + price.startedAt.atZone(zone).toLocalDate()
                    + " was reimbursed under this contract already: what was reimbursed stands, so the contract can"
                    + " end from that day on; the company corrects a wrong contract with a rate correction");
        });
    }
}
