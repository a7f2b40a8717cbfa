package org.evsettle.events.ocpp;

import java.time.Instant;

/** A FirmwareStatusNotification (Downloaded, Installing, Installed, InstallationFailed, ...). */
public record FirmwareStatusChanged(String chargePointId, String status, Instant receivedAt) implements OcppEvent {
}
