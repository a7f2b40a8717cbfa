package org.evsettle.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * The chargePointIds an operator expects to enroll (serial numbers printed on chargers it ordered,
 * say), so that nobody else's enrollment key captures them: an id is claimed by one operator on the
 * platform, registered or announced. Announcing an id already claimed answers the same 409 whoever
 * claimed it. With "announced ids only" the operator's key enrolls nothing else. Announcements travel
 * to the gateway in the operator's registry record; an id leaves the list once it is registered.
 */
@ApplicationScoped
public class ChargerAnnouncements {

    /** An operator record carries its announcements: keep it well below Kafka's message size. */
    public static final int MOST_PER_OPERATOR = 10_000;

    private final RegistryPublisher registry;
    private final EntityManager entityManager;

    public ChargerAnnouncements(RegistryPublisher registry, EntityManager entityManager) {
        this.registry = registry;
        this.entityManager = entityManager;
    }

    /** Announces an id; announcing one of its own again changes nothing. */
    @Transactional
    public Operator announce(Operator operator, String chargePointId) {
        if (operator.announcedChargePointIds.contains(chargePointId)) {
            return operator;
        }
        if (Charger.byChargePointId(chargePointId).isPresent() || announcer(chargePointId).isPresent()
                || Charger.aliasHolder(chargePointId).isPresent()) {
            throw RegistryUniqueness.chargePointIdClaimed(chargePointId);
        }
        if (operator.announcedChargePointIds.size() >= MOST_PER_OPERATOR) {
            throw DomainException.conflict("An operator announces at most " + MOST_PER_OPERATOR
                    + " chargePointIds; remove some, or register the chargers");
        }
        operator.announcedChargePointIds.add(chargePointId);
        registry.changed(operator);
        return operator;
    }

    @Transactional
    public Operator withdraw(Operator operator, String chargePointId) {
        if (!operator.announcedChargePointIds.remove(chargePointId)) {
            throw DomainException.notFound("Announced chargePointId", chargePointId);
        }
        registry.changed(operator);
        return operator;
    }

    @Transactional
    public Operator announcedOnly(Operator operator, boolean announcedOnly) {
        if (operator.enrollsAnnouncedOnly != announcedOnly) {
            operator.enrollsAnnouncedOnly = announcedOnly;
            registry.changed(operator);
        }
        return operator;
    }

    /** The operator that announced this id, if one did. */
    public Optional<UUID> announcer(String chargePointId) {
        List<?> found = entityManager.createNativeQuery(
                        "SELECT operator_id FROM operator_announced_charger WHERE charge_point_id = ?1")
                .setParameter(1, chargePointId).getResultList();
        return found.stream().findFirst().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
    }

    /**
     * Before an id is registered for an operator (by an admin, or by an enrollment): refused when another
     * operator announced it or it is a charger's alias; taken off the operator's own list when it announced it.
     */
    public void claim(Operator operator, String chargePointId) {
        if (Charger.aliasHolder(chargePointId).isPresent()) {
            throw RegistryUniqueness.chargePointIdClaimed(chargePointId);
        }
        Optional<UUID> announcer = announcer(chargePointId);
        if (announcer.isPresent() && !announcer.get().equals(operator.id)) {
            throw RegistryUniqueness.chargePointIdClaimed(chargePointId);
        }
        if (operator.announcedChargePointIds.remove(chargePointId)) {
            registry.changed(operator);
        }
    }
}
