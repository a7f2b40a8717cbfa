package org.evsettle.gateway;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.DataTransferReceived;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.CallContext;

/**
 * A charger's DataTransfer in either OCPP version: Accepted for the configured vendorIds, UnknownVendorId
 * for others, Rejected from a charger that is not accepted; published as DataTransferReceived before the
 * status is answered.
 */
@ApplicationScoped
public class DataTransfers {

    private final ChargerRegistration registration;
    private final OcppEventPublisher publisher;
    private final Set<String> acceptedVendors;

    public DataTransfers(ChargerRegistration registration, OcppEventPublisher publisher, GatewaySettings settings) {
        this.registration = registration;
        this.publisher = publisher;
        this.acceptedVendors = settings.dataTransfer().acceptedVendors().orElse(Set.of());
    }

    /** The status to answer, once the transfer is published. */
    public Uni<String> received(CallContext call, String vendorId, String messageId, String data) {
        String status = registration.of(call.admission()) != ChargerRegistration.Status.ACCEPTED ? "Rejected"
                : acceptedVendors.contains(vendorId) ? "Accepted" : "UnknownVendorId";
        return publisher.publish(EventIds.nameBased(call.chargePointId(), call.messageId(), "data-transfer-received"),
                        new DataTransferReceived(call.chargePointId(), vendorId, messageId, data, status,
                                call.receivedAt()),
                        call.receivedAt())
                .map(sent -> status);
    }
}
