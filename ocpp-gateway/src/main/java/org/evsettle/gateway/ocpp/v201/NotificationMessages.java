package org.evsettle.gateway.ocpp.v201;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * OCPP 2.0.1 payloads a station reports beside charging: NotifyEvent, SecurityEventNotification,
 * FirmwareStatusNotification, LogStatusNotification and DataTransfer.
 */
public final class NotificationMessages {

    private NotificationMessages() {
    }

    public record NotifyEventRequest(Instant generatedAt, Boolean tbc, int seqNo, List<EventData> eventData) {
    }

    /** One monitored variable's event: trigger Alerting, Delta or Periodic; actualValue as the station reads it. */
    public record EventData(int eventId, Instant timestamp, String trigger, String actualValue,
                            ProvisioningMessages.Component component, ProvisioningMessages.Variable variable,
                            String eventNotificationType, Boolean cleared) {
    }

    public record NotifyEventResponse() {
    }

    public record SecurityEventNotificationRequest(String type, Instant timestamp, String techInfo) {
    }

    public record SecurityEventNotificationResponse() {
    }

    /** status is Downloaded, Installing, Installed, InstallationFailed, ...; requestId the UpdateFirmware's. */
    public record FirmwareStatusNotificationRequest(String status, Integer requestId) {
    }

    public record FirmwareStatusNotificationResponse() {
    }

    /** status is Uploading, Uploaded, UploadFailure, ...; requestId the GetLog's. */
    public record LogStatusNotificationRequest(String status, Integer requestId) {
    }

    public record LogStatusNotificationResponse() {
    }

    /** data is any JSON in 2.0.1 (a string in 1.6). */
    public record DataTransferRequest(String vendorId, String messageId, JsonNode data) {
    }

    /** status is Accepted, Rejected, UnknownMessageId or UnknownVendorId. */
    public record DataTransferResponse(String status) {
    }
}
