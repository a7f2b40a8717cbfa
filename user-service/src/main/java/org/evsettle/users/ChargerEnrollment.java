package org.evsettle.users;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.events.ocpp.ChargerPasswordIssued;
import org.evsettle.events.ocpp.ChargerPasswordRefused;
import org.evsettle.events.registry.ChargePointIds;
import org.evsettle.events.registry.OcppPasswordOrigin;
import org.evsettle.outbox.consumer.MalformedRecord;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * What the registry learns from chargers through the gateway: an unknown charger that enrolled with
 * its operator's key is registered as PENDING_APPROVAL (once per chargePointId, its password still the
 * key), unless its id breaks the {@link ChargePointIds} rule or another operator claimed it or its
 * operator enrolls announced ids only and did not announce it; the password of its own it then
 * accepted from the gateway replaces the key (or why it did not, for the admin to see); and a boot fills
 * in the vendor, model, serial number and firmware of a registered charger.
 */
@ApplicationScoped
public class ChargerEnrollment {

    /** A charger that tells nothing about its connectors has one until the admin says otherwise. */
    static final int DEFAULT_CONNECTORS = 1;

    private final RegistryPublisher registry;
    private final ChargerAnnouncements announcements;

    public ChargerEnrollment(RegistryPublisher registry, ChargerAnnouncements announcements) {
        this.registry = registry;
        this.announcements = announcements;
    }

    public void enrolled(ChargerEnrolled enrolled) {
        String hash = enrolled.ocppPasswordHash();
        if (enrolled.operatorId() == null || hash == null || hash.isBlank()) {
            // no attempt can make it whole: quarantined for an admin to see, the charger's events go on
            throw new MalformedRecord("the enrollment of charger " + enrolled.chargePointId()
                    + " names no operator or no password hash");
        }
        Optional<Charger> known = Charger.byChargePointId(enrolled.chargePointId());
        if (known.isPresent()) {
            Log.debugf("Charger %s enrolled again; it is registered already (%s)", enrolled.chargePointId(),
                    known.get().status);
            return;
        }
        Optional<Operator> operator = Operator.byId(enrolled.operatorId());
        if (operator.isEmpty() || !operator.get().acceptsUnknownChargers) {
            Log.warnf("Ignored the enrollment of charger %s: operator %s %s", enrolled.chargePointId(),
                    enrolled.operatorId(), operator.isEmpty() ? "does not exist" : "no longer accepts unknown chargers");
            return;
        }
        Optional<String> refusal = refusal(operator.get(), enrolled.chargePointId());
        if (refusal.isPresent()) {
            Log.warnf("Ignored the enrollment of charger %s with operator %s: %s", enrolled.chargePointId(),
                    enrolled.operatorId(), refusal.get());
            return;
        }
        announcements.claim(operator.get(), enrolled.chargePointId());
        Charger charger = new Charger();
        charger.id = UUID.randomUUID();
        charger.operatorId = enrolled.operatorId();
        charger.chargePointId = enrolled.chargePointId();
        charger.connectorCount = DEFAULT_CONNECTORS;
        charger.describedAs(enrolled.vendor(), enrolled.model(), enrolled.serialNumber(), enrolled.firmwareVersion());
        charger.passwordSet(enrolled.ocppPasswordHash(), OcppPasswordOrigin.ENROLLMENT_KEY);
        charger.status = Charger.Status.PENDING_APPROVAL.name();
        charger.persist();
        registry.changed(charger);
        Log.infof("Charger %s (%s %s) enrolled with operator %s and awaits approval", charger.chargePointId,
                charger.vendor, charger.model, charger.operatorId);
    }

    /** Why this id may not enroll with this operator (the gateway refuses it first; a record from before it did not). */
    private Optional<String> refusal(Operator operator, String chargePointId) {
        if (!ChargePointIds.isValid(chargePointId)) {
            return Optional.of("the chargePointId " + ChargePointIds.RULE);
        }
        if (Charger.aliasHolder(chargePointId).isPresent()) {
            return Optional.of("the chargePointId is another charger's alias");
        }
        Optional<UUID> announcer = announcements.announcer(chargePointId);
        if (announcer.isPresent() && !announcer.get().equals(operator.id)) {
            return Optional.of("another operator announced the chargePointId");
        }
        if (announcer.isEmpty() && operator.enrollsAnnouncedOnly) {
            return Optional.of("the operator enrolls announced chargePointIds only");
        }
        return Optional.empty();
    }

    /** The charger accepted a password of its own from the gateway: it replaces the enrollment key. */
    public void passwordIssued(ChargerPasswordIssued issued) {
        Charger.byChargePointId(issued.chargePointId())
                .filter(charger -> charger.operatorId.equals(issued.operatorId()) && charger.onEnrollmentKey()
                        && !charger.is(Charger.Status.DECOMMISSIONED))
                .ifPresentOrElse(charger -> {
                    charger.passwordSet(issued.ocppPasswordHash(), OcppPasswordOrigin.ISSUED);
                    registry.changed(charger);
                    Log.infof("Charger %s has a password of its own", charger.chargePointId);
                }, () -> Log.debugf("Ignored the password issued to %s: not on its operator's enrollment key here",
                        issued.chargePointId()));
    }

    /** The charger did not take the password the gateway offered: the admin sees why. */
    public void passwordRefused(ChargerPasswordRefused refused) {
        Charger.byChargePointId(refused.chargePointId())
                .filter(Charger::onEnrollmentKey)
                .ifPresent(charger -> {
                    charger.ocppPasswordProblem = refused.reason() + " (" + refused.at() + ")";
                    registry.changed(charger);
                });
    }

    public void booted(ChargerBooted booted) {
        Charger.byChargePointId(booted.chargePointId())
                .filter(charger -> !charger.is(Charger.Status.DECOMMISSIONED))
                .filter(charger -> charger.describedAs(booted.vendor(), booted.model(), booted.serialNumber(),
                        booted.firmwareVersion()))
                .ifPresent(charger -> {
                    registry.changed(charger);
                    Log.debugf("Charger %s now runs firmware %s (%s %s)", charger.chargePointId,
                            charger.firmwareVersion, charger.vendor, charger.model);
                });
    }
}
