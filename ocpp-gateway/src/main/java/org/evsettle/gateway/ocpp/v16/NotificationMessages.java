package org.evsettle.gateway.ocpp.v16;

/** OCPP 1.6 payloads of DataTransfer and the diagnostics and firmware notifications. */
public final class NotificationMessages {

    private NotificationMessages() {
    }

    public record DataTransferRequest(String vendorId, String messageId, String data) {
    }

    /** status is Accepted, Rejected, UnknownMessageId or UnknownVendorId. */
    public record DataTransferResponse(String status, String data) {
    }

    public record DiagnosticsStatusNotificationRequest(String status) {
    }

    public record DiagnosticsStatusNotificationResponse() {
    }

    public record FirmwareStatusNotificationRequest(String status) {
    }

    public record FirmwareStatusNotificationResponse() {
    }
}
