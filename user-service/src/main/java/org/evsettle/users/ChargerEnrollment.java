package org.evsettle.users;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.outbox.consumer.MalformedRecord;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * What the registry learns from chargers through the gateway: an unknown charger that enrolled with
 * its operator's key is registered as PENDING_APPROVAL (once per chargePointId), and a boot fills in
 * the vendor, model, serial number and firmware of a registered charger.
 */
@ApplicationScoped
public class ChargerEnrollment {

    /** A charger that tells nothing about its connectors has one until the admin says otherwise. */
    static final int DEFAULT_CONNECTORS = 1;

    private final RegistryPublisher registry;

    public ChargerEnrollment(RegistryPublisher registry) {
        this.registry = registry;
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
        Charger charger = new Charger();
        charger.id = UUID.randomUUID();
        charger.operatorId = enrolled.operatorId();
        charger.chargePointId = enrolled.chargePointId();
        charger.connectorCount = DEFAULT_CONNECTORS;
        charger.describedAs(enrolled.vendor(), enrolled.model(), enrolled.serialNumber(), enrolled.firmwareVersion());
        charger.ocppPasswordHash = enrolled.ocppPasswordHash();
        charger.status = Charger.Status.PENDING_APPROVAL.name();
        charger.persist();
        registry.changed(charger);
        Log.infof("Charger %s (%s %s) enrolled with operator %s and awaits approval", charger.chargePointId,
                charger.vendor, charger.model, charger.operatorId);
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
