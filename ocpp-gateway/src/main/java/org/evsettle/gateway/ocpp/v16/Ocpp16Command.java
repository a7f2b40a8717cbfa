package org.evsettle.gateway.ocpp.v16;

/**
 * The OCPP 1.6 commands the gateway sends to chargers, each named exactly as OCPP names its action,
 * so that an API path, a command on {@code ocpp.commands} and the CALL on the wire name it alike.
 */
public enum Ocpp16Command {
    RemoteStartTransaction,
    RemoteStopTransaction,
    ChangeAvailability,
    Reset,
    UnlockConnector,
    GetConfiguration,
    ChangeConfiguration,
    ClearCache,
    TriggerMessage,
    SendLocalList,
    GetLocalListVersion,
    DataTransfer,
    /** Reservation: a connector (0: any) held for a card until expiryDate; kept by the gateway too (Reservations). */
    ReserveNow,
    CancelReservation,
    /** Smart Charging: limits per connector or transaction, and the schedule the charger would follow. */
    SetChargingProfile,
    ClearChargingProfile,
    GetCompositeSchedule,
    /** Firmware Management: a firmware download and install, and diagnostics uploaded to a location. */
    UpdateFirmware,
    GetDiagnostics,
    /** Of the 1.6 security extension: SignChargePointCertificate starts a charger's certificate (profile 3). */
    ExtendedTriggerMessage
}
