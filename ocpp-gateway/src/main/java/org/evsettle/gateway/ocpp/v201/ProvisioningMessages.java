package org.evsettle.gateway.ocpp.v201;

import java.time.Instant;
import java.util.List;

/** OCPP 2.0.1 payloads of a station's life and device model: BootNotification, Heartbeat, StatusNotification, NotifyReport. */
public final class ProvisioningMessages {

    private ProvisioningMessages() {
    }

    /** reason is PowerUp, FirmwareUpdate, LocalReset, RemoteReset, Watchdog, ... */
    public record BootNotificationRequest(ChargingStation chargingStation, String reason) {
    }

    public record ChargingStation(String serialNumber, String model, String vendorName, String firmwareVersion) {
    }

    /** status is Accepted, Pending or Rejected; interval the heartbeat interval (Accepted) or the wait before the next boot. */
    public record BootNotificationResponse(Instant currentTime, int interval, String status) {
    }

    public record HeartbeatRequest() {
    }

    public record HeartbeatResponse(Instant currentTime) {
    }

    /** connectorStatus is Available, Occupied, Reserved, Unavailable or Faulted. */
    public record StatusNotificationRequest(Instant timestamp, String connectorStatus, int evseId, int connectorId) {
    }

    public record StatusNotificationResponse() {
    }

    /** One part (tbc: more follow) of the report a GetBaseReport or GetReport asked for. */
    public record NotifyReportRequest(int requestId, Instant generatedAt, Boolean tbc, int seqNo,
                                      List<ReportData> reportData) {
    }

    public record ReportData(Component component, Variable variable, List<VariableAttribute> variableAttribute) {
    }

    public record Component(String name, String instance, Evse evse) {
    }

    public record Evse(int id, Integer connectorId) {
    }

    public record Variable(String name, String instance) {
    }

    /** type is Actual (the default), Target, MinSet or MaxSet. */
    public record VariableAttribute(String type, String value, String mutability) {
    }

    public record NotifyReportResponse() {
    }
}
