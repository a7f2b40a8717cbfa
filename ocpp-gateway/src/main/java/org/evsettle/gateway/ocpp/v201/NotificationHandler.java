package org.evsettle.gateway.ocpp.v201;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.FirmwareStatusChanged;
import org.evsettle.gateway.DataTransfers;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.DataTransferRequest;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.DataTransferResponse;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.EventData;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.FirmwareStatusNotificationRequest;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.FirmwareStatusNotificationResponse;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.LogStatusNotificationRequest;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.LogStatusNotificationResponse;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.NotifyEventRequest;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.NotifyEventResponse;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.SecurityEventNotificationRequest;
import org.evsettle.gateway.ocpp.v201.NotificationMessages.SecurityEventNotificationResponse;

/**
 * What a 2.0.1 station reports beside charging. DataTransfer as for 1.6 (Accepted for the configured
 * vendorIds, UnknownVendorId for others, Rejected from a station that is not accepted; published as
 * DataTransferReceived, its JSON data written as text) and FirmwareStatusNotification (published as
 * FirmwareStatusChanged) are answered once Kafka acked. NotifyEvent (monitoring: faults, availability)
 * is logged at DEBUG and counted, SecurityEventNotification logged as for 1.6 and LogStatusNotification
 * logged: none of them bills anything.
 */
@ApplicationScoped
public class NotificationHandler implements ActionFamily {

    private final DataTransfers dataTransfers;
    private final OcppEventPublisher publisher;
    private final MeterRegistry meters;

    public NotificationHandler(DataTransfers dataTransfers, OcppEventPublisher publisher, MeterRegistry meters) {
        this.dataTransfers = dataTransfers;
        this.publisher = publisher;
        this.meters = meters;
    }

    @Override
    public String subprotocol() {
        return Ocpp201.SUBPROTOCOL;
    }

    @Override
    public List<OcppAction<?, ?>> actions() {
        return List.of(
                OcppAction.of("DataTransfer", DataTransferRequest.class, this::dataTransfer),
                OcppAction.of("FirmwareStatusNotification", FirmwareStatusNotificationRequest.class, this::firmwareStatus),
                OcppAction.of("NotifyEvent", NotifyEventRequest.class, this::notifyEvent),
                OcppAction.of("SecurityEventNotification", SecurityEventNotificationRequest.class, this::securityEvent),
                OcppAction.of("LogStatusNotification", LogStatusNotificationRequest.class, this::logStatus));
    }

    Uni<DataTransferResponse> dataTransfer(IncomingCall<DataTransferRequest> call) {
        DataTransferRequest transfer = call.request();
        String data = transfer.data() == null ? null
                : transfer.data().isTextual() ? transfer.data().textValue() : transfer.data().toString();
        return dataTransfers.received(call.context(), transfer.vendorId(), transfer.messageId(), data)
                .map(DataTransferResponse::new);
    }

    Uni<FirmwareStatusNotificationResponse> firmwareStatus(IncomingCall<FirmwareStatusNotificationRequest> call) {
        return publisher.publish(EventIds.nameBased(call.chargePointId(), call.messageId(), "firmware-status-changed"),
                        new FirmwareStatusChanged(call.chargePointId(), call.request().status(), call.receivedAt()),
                        call.receivedAt())
                .map(sent -> new FirmwareStatusNotificationResponse());
    }

    Uni<NotifyEventResponse> notifyEvent(IncomingCall<NotifyEventRequest> call) {
        List<EventData> events = call.request().eventData();
        meters.counter("ocpp.station.events").increment(events.size());
        for (EventData event : events) {
            Log.debugf("Event from %s: %s %s.%s = %s (%s)", call.chargePointId(), event.trigger(),
                    event.component().name(), event.variable().name(), event.actualValue(), event.timestamp());
        }
        return Uni.createFrom().item(new NotifyEventResponse());
    }

    Uni<SecurityEventNotificationResponse> securityEvent(IncomingCall<SecurityEventNotificationRequest> call) {
        SecurityEventNotificationRequest event = call.request();
        Log.infof("Security event from %s: %s at %s", call.chargePointId(), event.type(), event.timestamp());
        Log.debugf("Security event from %s: techInfo %s", call.chargePointId(),
                Optional.ofNullable(event.techInfo()).orElse("(none)"));
        return Uni.createFrom().item(new SecurityEventNotificationResponse());
    }

    Uni<LogStatusNotificationResponse> logStatus(IncomingCall<LogStatusNotificationRequest> call) {
        Log.infof("Log upload of %s (request %s): %s", call.chargePointId(), call.request().requestId(),
                call.request().status());
        return Uni.createFrom().item(new LogStatusNotificationResponse());
    }
}
