package org.evsettle.events.ocpp;

import org.evsettle.events.Event;

/** A fact a charger reported to the gateway; the subject is the chargePointId. */
public sealed interface OcppEvent extends Event
        permits ChargerBooted, ChargerStatusChanged, TransactionStarted, MeterValuesSampled, TransactionStopped,
        ChargerConnected, ChargerDisconnected, ChargerEnrolled, DiagnosticsStatusChanged, FirmwareStatusChanged,
        DataTransferReceived, ChargerCommandAnswered, ChargerPasswordIssued, ChargerPasswordRefused {

    String chargePointId();

    @Override
    default String subject() {
        return chargePointId();
    }
}
