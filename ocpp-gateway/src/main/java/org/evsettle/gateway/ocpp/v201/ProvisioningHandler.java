package org.evsettle.gateway.ocpp.v201;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.gateway.ChargerBoot;
import org.evsettle.gateway.ChargerPresence;
import org.evsettle.gateway.ChargerRegistration;
import org.evsettle.gateway.PasswordIssuer;
import org.evsettle.gateway.ConnectorStatus;
import org.evsettle.gateway.StationVariables;
import org.evsettle.gateway.configuration.StationConfigurator;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.BootNotificationRequest;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.BootNotificationResponse;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.ChargingStation;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.HeartbeatRequest;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.HeartbeatResponse;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.NotifyReportRequest;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.NotifyReportResponse;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.ReportData;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.StatusNotificationRequest;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.StatusNotificationResponse;
import org.evsettle.gateway.ocpp.v201.ProvisioningMessages.VariableAttribute;

/**
 * A 2.0.1 station's life: BootNotification (decided and published by {@link ChargerBoot} exactly as
 * for 1.6, its reason carried on ChargerBooted; an accepted station is then configured for billing with
 * its device model variables by {@link StationConfigurator}; a station on its operator's enrollment key
 * gets a password of its own ({@link PasswordIssuer}, with SetVariables SecurityCtrlr.BasicAuthPassword)),
 * Heartbeat, StatusNotification per EVSE and connector (published with the EVSE as connectorId, see the README's mapping) and NotifyReport,
 * whose variables are kept per station ({@link StationVariables}) and counted.
 */
@ApplicationScoped
public class ProvisioningHandler implements ActionFamily {

    /** 2.0.1's StatusNotification has no error code; faults come through NotifyEvent. */
    static final String NO_ERROR = "NoError";

    private final ChargerBoot chargerBoot;
    private final ChargerPresence presence;
    private final StationVariables variables;
    private final StationConfigurator configurator;
    private final PasswordIssuer passwords;
    private final OcppEventPublisher publisher;
    private final MeterRegistry meters;

    public ProvisioningHandler(ChargerBoot chargerBoot, ChargerPresence presence, StationVariables variables,
                               StationConfigurator configurator, PasswordIssuer passwords,
                               OcppEventPublisher publisher, MeterRegistry meters) {
        this.chargerBoot = chargerBoot;
        this.presence = presence;
        this.variables = variables;
        this.configurator = configurator;
        this.passwords = passwords;
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
                OcppAction.of("BootNotification", BootNotificationRequest.class, this::bootNotification),
                OcppAction.of("Heartbeat", HeartbeatRequest.class, this::heartbeat),
                OcppAction.of("StatusNotification", StatusNotificationRequest.class, this::statusNotification),
                OcppAction.of("NotifyReport", NotifyReportRequest.class, this::notifyReport));
    }

    Uni<BootNotificationResponse> bootNotification(IncomingCall<BootNotificationRequest> call) {
        ChargingStation station = call.request().chargingStation();
        return chargerBoot.booted(call.context(), new ChargerBoot.Identity(station.vendorName(), station.model(),
                        station.serialNumber(), station.firmwareVersion(), call.request().reason()))
                .invoke(status -> {
                    if (status != ChargerRegistration.Status.REJECTED) {
                        passwords.booted(call.admission(), PasswordIssuer.PasswordChange.OCPP201);
                    }
                    if (status == ChargerRegistration.Status.ACCEPTED) {
                        configurator.configureStation(call.chargePointId(), station.vendorName(), station.model(),
                                station.firmwareVersion());
                    }
                })
                .map(status -> new BootNotificationResponse(chargerBoot.now(), chargerBoot.intervalSeconds(status),
                        status.ocpp()));
    }

    Uni<HeartbeatResponse> heartbeat(IncomingCall<HeartbeatRequest> call) {
        return Uni.createFrom().item(new HeartbeatResponse(chargerBoot.now()));
    }

    Uni<StatusNotificationResponse> statusNotification(IncomingCall<StatusNotificationRequest> call) {
        StatusNotificationRequest status = call.request();
        ChargerStatusChanged changed = new ChargerStatusChanged(call.chargePointId(), status.evseId(),
                status.connectorStatus(), NO_ERROR, null, status.timestamp(), call.receivedAt(), status.connectorId());
        return publisher.publish(EventIds.nameBased(call.chargePointId(), call.messageId(), "charger-status-changed"),
                        changed, call.receivedAt())
                .invoke(() -> presence.statusChanged(call.chargePointId(), new ConnectorStatus(status.evseId(),
                        status.connectorStatus(), NO_ERROR, status.timestamp()),
                        "connector " + status.connectorId(), call.receivedAt()))
                .map(sent -> new StatusNotificationResponse());
    }

    Uni<NotifyReportResponse> notifyReport(IncomingCall<NotifyReportRequest> call) {
        NotifyReportRequest report = call.request();
        List<StationVariables.Reported> reported = new ArrayList<>();
        for (ReportData data : report.reportData() == null ? List.<ReportData>of() : report.reportData()) {
            for (VariableAttribute attribute : data.variableAttribute()) {
                reported.add(new StationVariables.Reported(componentKey(data), variableKey(data),
                        attribute.type() != null ? attribute.type() : "Actual", attribute.value(), attribute.mutability()));
            }
        }
        meters.counter("ocpp.variables.reported").increment(reported.size());
        reported.forEach(variable -> Log.debugf("%s reports %s %s %s = %s", call.chargePointId(), variable.component(),
                variable.variable(), variable.attributeType(), variable.value()));
        return Uni.createFrom().item(() -> {
                    variables.reported(call.chargePointId(), reported, report.generatedAt());
                    return new NotifyReportResponse();
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** name[.instance][@evse[.connector]]: a key without NULLs. */
    private static String componentKey(ReportData data) {
        StringBuilder key = new StringBuilder(data.component().name());
        if (data.component().instance() != null) {
            key.append('.').append(data.component().instance());
        }
        if (data.component().evse() != null) {
            key.append('@').append(data.component().evse().id());
            if (data.component().evse().connectorId() != null) {
                key.append('.').append(data.component().evse().connectorId());
            }
        }
        return key.toString();
    }

    private static String variableKey(ReportData data) {
        return data.variable().instance() != null ? data.variable().name() + "." + data.variable().instance()
                : data.variable().name();
    }
}
