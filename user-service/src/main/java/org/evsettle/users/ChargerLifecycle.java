package org.evsettle.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.OcppPasswordOrigin;
import org.evsettle.kit.api.DomainException;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * A charger from registration (or enrollment) to decommissioning, as admins run it: registered ACTIVE
 * at a site, moved, a pending one approved, given a new OCPP password, decommissioned for good. The
 * password is stored only as a hash; the plain one is handed back once. Every change is published.
 */
@ApplicationScoped
public class ChargerLifecycle {

    /** A charger with the plain OCPP password just set; null when this change set none. */
    public record WithPassword(Charger charger, String ocppPassword) {
    }

    private final RegistryPublisher registry;
    private final ChargerAnnouncements announcements;

    public ChargerLifecycle(RegistryPublisher registry, ChargerAnnouncements announcements) {
        this.registry = registry;
        this.announcements = announcements;
    }

    /**
     * Left out, a charger has one connector and a generated password; chargePointId is unique on the
     * platform, and not announced by another operator (one the operator announced itself is registered).
     */
    @Transactional
    public WithPassword register(Operator operator, UUID siteId, String chargePointId, Integer connectorCount,
                                 String ocppPassword) {
        SiteRegistration.ofOperator(operator.id, siteId);
        if (Charger.byChargePointId(chargePointId).isPresent()) {
            throw RegistryUniqueness.chargePointIdClaimed(chargePointId);
        }
        announcements.claim(operator, chargePointId);
        OcppPassword password = OcppPassword.givenOrGenerated(ocppPassword);
        Charger charger = new Charger();
        charger.id = UUID.randomUUID();
        charger.operatorId = operator.id;
        charger.siteId = siteId;
        charger.chargePointId = chargePointId;
        charger.connectorCount = Optional.ofNullable(connectorCount).orElse(ChargerEnrollment.DEFAULT_CONNECTORS);
        charger.passwordSet(password.hash(), OcppPasswordOrigin.ASSIGNED);
        charger.status = Charger.Status.ACTIVE.name();
        charger.persist();
        registry.changed(charger);
        return new WithPassword(charger, password.plain());
    }

    /** Only an ACTIVE charger moves; its connector count stays unless given. */
    @Transactional
    public Charger place(Charger charger, UUID siteId, Integer connectorCount) {
        if (!charger.is(Charger.Status.ACTIVE)) {
            throw DomainException.conflict("Charger " + charger.chargePointId + " is " + charger.status
                    + "; only an ACTIVE charger can be moved (approve a pending one)");
        }
        SiteRegistration.ofOperator(charger.operatorId, siteId);
        charger.siteId = siteId;
        charger.connectorCount = Optional.ofNullable(connectorCount).orElse(charger.connectorCount);
        registry.changed(charger);
        return charger;
    }

    @Transactional
    public Charger approve(Charger charger, UUID siteId, Integer connectorCount) {
        SiteRegistration.ofOperator(charger.operatorId, siteId);
        charger.approve(siteId, connectorCount);
        registry.changed(charger);
        return charger;
    }

    @Transactional
    public Charger decommission(Charger charger) {
        charger.decommission();
        registry.changed(charger);
        return charger;
    }

    /** The password given, or a generated one; a decommissioned charger gets none. */
    @Transactional
    public WithPassword newPassword(Charger charger, String given) {
        if (charger.is(Charger.Status.DECOMMISSIONED)) {
            throw DomainException.conflict("Charger " + charger.chargePointId + " is decommissioned");
        }
        OcppPassword password = OcppPassword.givenOrGenerated(given);
        charger.passwordSet(password.hash(), OcppPasswordOrigin.ASSIGNED);
        registry.changed(charger);
        return new WithPassword(charger, password.plain());
    }
}
