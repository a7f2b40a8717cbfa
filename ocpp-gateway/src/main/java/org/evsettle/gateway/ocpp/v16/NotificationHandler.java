package org.evsettle.gateway.ocpp.v16;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.DiagnosticsStatusChanged;
import org.evsettle.events.ocpp.FirmwareStatusChanged;
import org.evsettle.gateway.DataTransfers;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.v16.NotificationMessages.DataTransferRequest;
import org.evsettle.gateway.ocpp.v16.NotificationMessages.DataTransferResponse;
import org.evsettle.gateway.ocpp.v16.NotificationMessages.DiagnosticsStatusNotificationRequest;
import org.evsettle.gateway.ocpp.v16.NotificationMessages.DiagnosticsStatusNotificationResponse;
import org.evsettle.gateway.ocpp.v16.NotificationMessages.FirmwareStatusNotificationRequest;
import org.evsettle.gateway.ocpp.v16.NotificationMessages.FirmwareStatusNotificationResponse;

/**
 * What a charger reports beside charging: vendor-specific DataTransfer (kept as sent and published;
 * answered Accepted for the vendorIds the gateway is configured to take, UnknownVendorId for others
 * as OCPP requires, Rejected from a charger that is not accepted), and the progress of diagnostics
 * uploads and firmware updates. Each is published before it is answered.
 */
@ApplicationScoped
public class NotificationHandler implements ActionFamily {

    private final DataTransfers dataTransfers;
    private final OcppEventPublisher publisher;

    public NotificationHandler(DataTransfers dataTransfers, OcppEventPublisher publisher) {
        this.dataTransfers = dataTransfers;
        this.publisher = publisher;
    }

    @Override
    public String subprotocol() {
        return Ocpp16.SUBPROTOCOL;
    }

    @Override
    public List<OcppAction<?, ?>> actions() {
        return List.of(
                OcppAction.of("DataTransfer", DataTransferRequest.class, this::dataTransfer),
                OcppAction.of("DiagnosticsStatusNotification", DiagnosticsStatusNotificationRequest.class,
                        this::diagnosticsStatus),
                OcppAction.of("FirmwareStatusNotification", FirmwareStatusNotificationRequest.class,
                        this::firmwareStatus));
    }

    Uni<DataTransferResponse> dataTransfer(IncomingCall<DataTransferRequest> call) {
        DataTransferRequest transfer = call.request();
        return dataTransfers.received(call.context(), transfer.vendorId(), transfer.messageId(), transfer.data())
                .map(status -> new DataTransferResponse(status, null));
    }

    Uni<DiagnosticsStatusNotificationResponse> diagnosticsStatus(IncomingCall<DiagnosticsStatusNotificationRequest> call) {
        return publisher.publish(EventIds.nameBased(call.chargePointId(), call.messageId(), "diagnostics-status-changed"),
                        new DiagnosticsStatusChanged(call.chargePointId(), call.request().status(), call.receivedAt()),
                        call.receivedAt())
                .map(sent -> new DiagnosticsStatusNotificationResponse());
    }

    Uni<FirmwareStatusNotificationResponse> firmwareStatus(IncomingCall<FirmwareStatusNotificationRequest> call) {
        return publisher.publish(EventIds.nameBased(call.chargePointId(), call.messageId(), "firmware-status-changed"),
                        new FirmwareStatusChanged(call.chargePointId(), call.request().status(), call.receivedAt()),
                        call.receivedAt())
                .map(sent -> new FirmwareStatusNotificationResponse());
    }
}
