package org.evsettle.gateway.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 payloads of the charger's life: BootNotification, Heartbeat, StatusNotification. */
public final class CoreMessages {

    private CoreMessages() {
    }

    public record BootNotificationRequest(
            String chargePointVendor,
            String chargePointModel,
            String chargePointSerialNumber,
            String chargeBoxSerialNumber,
            String firmwareVersion,
            String iccid,
            String imsi,
            String meterType,
            String meterSerialNumber) {
    }

    /** status is Accepted, Pending or Rejected; interval in seconds. */
    public record BootNotificationResponse(String status, Instant currentTime, int interval) {
    }

    public record HeartbeatRequest() {
    }

    public record HeartbeatResponse(Instant currentTime) {
    }

    public record StatusNotificationRequest(
            int connectorId,
            String errorCode,
            String info,
            String status,
            Instant timestamp,
            String vendorId,
            String vendorErrorCode) {
    }

    public record StatusNotificationResponse() {
    }
}
