package org.evsettle.events.ocpp;

import java.time.Instant;

/** A DiagnosticsStatusNotification (Idle, Uploaded, UploadFailed, Uploading). */
public record DiagnosticsStatusChanged(String chargePointId, String status, Instant receivedAt) implements OcppEvent {
}
