package org.evsettle.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Problem;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * Operators as their admins set them up: details, user types (one still assigned to drivers stays),
 * roaming partners (other existing operators, each once), whether unknown chargers may enroll, with the
 * enrollment key that goes with it, and the user types billed to an employer (each one of its user types; one
 * whose drivers are billed to an employer stays). Every change is published.
 */
@ApplicationScoped
public class OperatorSettings {

    /** An operator as changed, with the enrollment key when this change issued one (shown once). */
    public record Changed(Operator operator, Optional<String> enrollmentKey) {
    }

    private final RegistryPublisher registry;
    private final EntityManager entityManager;
    private final Clock clock;

    public OperatorSettings(RegistryPublisher registry, EntityManager entityManager, Clock clock) {
        this.registry = registry;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public Changed create(OperatorChange change) {
        Operator operator = new Operator();
        operator.id = UUID.randomUUID();
        Optional<String> key = apply(change, operator);
        operator.persist();
        registry.changed(operator);
        return new Changed(operator, key);
    }

    @Transactional
    public Changed replace(Operator operator, OperatorChange change) {
        Optional<String> key = apply(change, operator);
        registry.changed(operator);
        return new Changed(operator, key);
    }

    /** A new enrollment key replaces the old one at once; chargers that enrolled keep their own password. */
    @Transactional
    public String rotateEnrollmentKey(Operator operator) {
        if (!operator.acceptsUnknownChargers) {
            throw DomainException.conflict("Operator " + operator.id
                    + " does not accept unknown chargers; turn acceptsUnknownChargers on first");
        }
        String key = operator.issueEnrollmentKey(clock.instant());
        registry.changed(operator);
        return key;
    }

    private Optional<String> apply(OperatorChange change, Operator operator) {
        change.details().accept(operator);
        applyUserTypes(change.userTypes(), operator);
        applyEmployerBilledUserTypes(change.employerBilledUserTypes(), operator);
        applyRoaming(change, operator);
        if (change.acceptsUnknownChargers() && !operator.acceptsUnknownChargers) {
            return Optional.of(operator.issueEnrollmentKey(clock.instant()));
        }
        if (!change.acceptsUnknownChargers()) {
            operator.refuseUnknownChargers();
        }
        return Optional.empty();
    }

    private void applyUserTypes(List<String> requested, Operator operator) {
        TreeSet<String> own = UserTypes.ownAmong(requested);
        Set<String> removed = new TreeSet<>(operator.ownUserTypes);
        removed.removeAll(own);
        List<String> inUse = removed.isEmpty() ? List.of() : entityManager.createQuery("""
                        select d.userType from Driver d where d.operatorId = :operator and d.userType in :types
                        group by d.userType order by d.userType""", String.class)
                .setParameter("operator", operator.id).setParameter("types", removed).getResultList();
        if (!inUse.isEmpty()) {
            throw DomainException.conflict("User type " + String.join(", ", inUse)
                    + " is still assigned to drivers of this operator; give them another type first");
        }
        operator.ownUserTypes.retainAll(own);
        operator.ownUserTypes.addAll(own);
    }

    private void applyEmployerBilledUserTypes(List<String> requested, Operator operator) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> billed = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            String at = "employerBilledUserTypes[" + i + "]";
            if (!operator.userTypes().contains(type)) {
                violations.add(new Problem.Violation(at, "must be one of the operator's user types: " + operator.userTypes()));
            } else if (!billed.add(type)) {
                violations.add(new Problem.Violation(at, "names " + type + " a second time"));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        Set<String> removed = new TreeSet<>(operator.employerBilledUserTypes);
        removed.removeAll(billed);
        long employees = removed.isEmpty() ? 0
                : entityManager.createQuery("""
                        select count(d) from Driver d where d.operatorId = :operator and d.userType in :types
                        and d.employerId is not null and d.status <> 'ERASED'""", Long.class)
                .setParameter("operator", operator.id).setParameter("types", removed).getSingleResult();
        if (employees > 0) {
            throw DomainException.conflict(employees + " driver(s) of user type " + String.join(", ", removed)
                    + " are billed to an employer; clear their employerId first");
        }
        operator.employerBilledUserTypes.retainAll(billed);
        operator.employerBilledUserTypes.addAll(billed);
    }

    /** Both roaming lists name existing operators other than this one, each once; every broken entry in one 400. */
    private void applyRoaming(OperatorChange change, Operator operator) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<UUID> validAt = partners("cardsValidAt", change.cardsValidAt(), operator.id, violations);
        Set<UUID> accepts = partners("acceptsCardsOf", change.acceptsCardsOf(), operator.id, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        operator.cardsValidAt.retainAll(validAt);
        operator.cardsValidAt.addAll(validAt);
        operator.acceptsCardsOf.retainAll(accepts);
        operator.acceptsCardsOf.addAll(accepts);
    }

    private Set<UUID> partners(String field, List<UUID> ids, UUID self, List<Problem.Violation> violations) {
        Set<UUID> existing = ids.isEmpty() ? Set.of() : Set.copyOf(entityManager
                .createQuery("select o.id from Operator o where o.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
        Set<UUID> partners = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            String at = field + "[" + i + "]";
            if (id.equals(self)) {
                violations.add(new Problem.Violation(at, "must be another operator than this one"));
            } else if (!partners.add(id)) {
                violations.add(new Problem.Violation(at, "names operator " + id + " a second time"));
            } else if (!existing.contains(id)) {
                violations.add(new Problem.Violation(at, "is not an operator"));
            }
        }
        return partners;
    }
}
