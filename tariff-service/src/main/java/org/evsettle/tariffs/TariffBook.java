package org.evsettle.tariffs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.evsettle.kit.api.DomainException;
import org.evsettle.outbox.audit.AuditTrail;

/**
 * The rules of making and versioning an operator's tariffs: where a tariff applies must be the
 * operator's own place, where and for whom it applies never change on a new version, and every change
 * has the operator's sessions that waited for a tariff tried again once it commits, and leaves an audit
 * entry.
 */
@ApplicationScoped
public class TariffBook {

    /** What a new tariff or version says, checked for form by the caller. */
    public record Terms(String name, List<String> userTypes, UUID siteId, UUID chargerId, BigDecimal vatRate,
                        List<TariffComponent> components, Instant effectiveFrom) {
    }

    private final TariffChanges changes;
    private final AuditTrail audit;

    public TariffBook(TariffChanges changes, AuditTrail audit) {
        this.changes = changes;
        this.audit = audit;
    }

    @Transactional
    public Tariff create(UUID operatorId, Terms terms) {
        checkPlace(terms, operatorId);
        Tariff tariff = Tariff.create(operatorId, terms.siteId(), terms.chargerId(), terms.name(), terms.userTypes(),
                Operator.currencyOf(operatorId));
        tariff.addVersion(terms.effectiveFrom(), terms.vatRate(), Operator.zoneOf(operatorId), terms.components());
        tariff.persist();
        changes.changed(operatorId);
        audit.record(operatorId, "Tariff", tariff.id, "CREATED", null, tariff.auditState());
        return tariff;
    }

    /**
     * The next version of a tariff the caller may administer (else 404), with the terms read for its
     * operator. The name is a label and may change; where it applies and its user types (kept when left
     * out, null) decide which sessions the tariff prices, so changing them takes a new tariff.
     */
    @Transactional
    public Tariff revise(UUID tariffId, Predicate<UUID> administers, Function<UUID, Terms> termsOfOperator) {
        // the lock makes concurrent updates of one tariff take version numbers one after the other
        Tariff tariff = Tariff.<Tariff>findByIdOptional(tariffId, LockModeType.PESSIMISTIC_WRITE)
                .filter(t -> t.isCharge() && administers.test(t.operatorId))
                .orElseThrow(() -> DomainException.notFound("Tariff", tariffId));
        Terms terms = termsOfOperator.apply(tariff.operatorId);
        if (terms.userTypes() != null && !new HashSet<>(terms.userTypes()).equals(new HashSet<>(tariff.userTypes))) {
            throw DomainException.invalid("userTypes", "cannot change on a new version (they are "
                    + tariff.userTypes + "); create another tariff for other user types");
        }
        if (terms.siteId() != null && !Objects.equals(terms.siteId(), tariff.siteId)) {
            throw DomainException.invalid("siteId", "cannot change on a new version; create another tariff for "
                    + "another site");
        }
        if (terms.chargerId() != null && !Objects.equals(terms.chargerId(), tariff.chargerId)) {
            throw DomainException.invalid("chargerId", "cannot change on a new version; create another tariff for "
                    + "another charger");
        }
        Map<String, Object> before = tariff.auditState();
        tariff.name = terms.name();
        tariff.addVersion(terms.effectiveFrom(), terms.vatRate(), Operator.zoneOf(tariff.operatorId),
                terms.components());
        changes.changed(tariff.operatorId);
        audit.record(tariff.operatorId, "Tariff", tariff.id, "REVISED", before, tariff.auditState());
        return tariff;
    }

    /** A site or a charger the tariff is for must be the operator's own (as the registry has told this service). */
    private static void checkPlace(Terms terms, UUID operatorId) {
        if (terms.siteId() != null && terms.chargerId() != null) {
            throw DomainException.invalid("chargerId", "a tariff applies to a site or to a charger: give siteId or "
                    + "chargerId, not both");
        }
        if (terms.siteId() != null && !Site.ofOperator(terms.siteId(), operatorId)) {
            throw DomainException.invalid("siteId", "is not a site of this operator");
        }
        if (terms.chargerId() != null && !Charger.ofOperator(terms.chargerId(), operatorId)) {
            throw DomainException.invalid("chargerId", "is not a charger of this operator");
        }
    }
}
