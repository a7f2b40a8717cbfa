package org.evsettle.events.ocpp;

import org.evsettle.events.Event;

/** A command for a charger on {@code ocpp.commands}; the subject is the chargePointId. */
public sealed interface OcppCommand extends Event permits ChargerCommandRequested {

    String chargePointId();

    @Override
    default String subject() {
        return chargePointId();
    }
}
