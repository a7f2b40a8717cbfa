package org.evsettle.gateway.ocpp.v16;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.IdTags;
import org.evsettle.gateway.CardAuthorization;
import org.evsettle.gateway.CardAuthorizer;
import org.evsettle.gateway.CardCheck;
import org.evsettle.gateway.IssuedTransaction;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.TransactionIds;
import org.evsettle.gateway.loadbalancing.SiteLoadBalancer;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.PayloadHash;
import org.evsettle.gateway.ocpp.v16.TransactionMessages.MeterValue;
import org.evsettle.gateway.ocpp.v16.TransactionMessages.MeterValuesRequest;
import org.evsettle.gateway.ocpp.v16.TransactionMessages.MeterValuesResponse;
import org.evsettle.gateway.ocpp.v16.TransactionMessages.SampledValue;
import org.evsettle.gateway.ocpp.v16.TransactionMessages.StartTransactionRequest;
import org.evsettle.gateway.ocpp.v16.TransactionMessages.StartTransactionResponse;
import org.evsettle.gateway.ocpp.v16.TransactionMessages.StopTransactionRequest;
import org.evsettle.gateway.ocpp.v16.TransactionMessages.StopTransactionResponse;

/**
 * The messages billing is made of: StartTransaction (a transactionId from the database, the same
 * one for a retry, and the idTag checked again, ConcurrentTx and reserved connectors included),
 * MeterValues, and StopTransaction with its transactionData (always answered, also for a
 * transactionId we never issued, which is published flagged). Offline-queued messages keep the
 * charger's timestamps; the time the gateway received them travels beside. Each is answered only
 * after Kafka acknowledged its event; the event ids are derived from the message, so a retry carries
 * the same id. A start or stop shares its site's load limit out again (SiteLoadBalancer).
 */
@ApplicationScoped
public class TransactionHandler implements ActionFamily {

    private final RegistryProjection registry;
    private final CardAuthorizer authorizer;
    private final TransactionIds transactionIds;
    private final CardCheck cards;
    private final SiteLoadBalancer loadBalancer;
    private final OcppEventPublisher publisher;

    public TransactionHandler(RegistryProjection registry, CardAuthorizer authorizer, TransactionIds transactionIds,
                              CardCheck cards, SiteLoadBalancer loadBalancer,
                              OcppEventPublisher publisher) {
        this.registry = registry;
        this.authorizer = authorizer;
        this.transactionIds = transactionIds;
        this.cards = cards;
        this.loadBalancer = loadBalancer;
        this.publisher = publisher;
    }

    @Override
    public String subprotocol() {
        return Ocpp16.SUBPROTOCOL;
    }

    @Override
    public List<OcppAction<?, ?>> actions() {
        return List.of(
                OcppAction.of("StartTransaction", StartTransactionRequest.class, this::startTransaction),
                OcppAction.of("MeterValues", MeterValuesRequest.class, this::meterValues),
                OcppAction.of("StopTransaction", StopTransactionRequest.class, this::stopTransaction));
    }

    /**
     * Always answered with a transactionId, also when the card is refused (the charger then stops the
     * transaction, and the stop is recorded against an id we know) or the charger is not accepted.
     */
    Uni<StartTransactionResponse> startTransaction(IncomingCall<StartTransactionRequest> call) {
        StartTransactionRequest start = call.request();
        String chargePointId = call.chargePointId();
        Optional<ChargerRecord> charger = registry.charger(chargePointId);
        CardAuthorization verdict = authorizer.authorize(charger, start.idTag());
        return onWorker(() -> {
                    int transactionId = transactionIds.issue(chargePointId, start.connectorId(), start.idTag(),
                            start.meterStart(), start.timestamp());
                    return new Issued(transactionId, cards.atStart(chargePointId, start.connectorId(),
                            start.reservationId(), start.idTag(), verdict, transactionId, start.timestamp()));
                })
                .chain(issued -> publisher.publish(
                                EventIds.nameBased(chargePointId, "transaction-started", issued.transactionId()),
                                new TransactionStarted(chargePointId, issued.transactionId(), start.connectorId(),
                                        IdTags.normalize(start.idTag()), start.meterStart(), start.timestamp(),
                                        start.reservationId(), issued.authorization().toEvent(charger),
                                        call.receivedAt()),
                                call.receivedAt())
                        .map(sent -> new StartTransactionResponse(IdTagInfo.of(issued.authorization()),
                                issued.transactionId())))
                .invoke(answered -> loadBalancer.transactionChanged(chargePointId));
    }

    /** A transactionId with the verdict on its card. */
    private record Issued(int transactionId, CardAuthorization authorization) {
    }

    Uni<MeterValuesResponse> meterValues(IncomingCall<MeterValuesRequest> call) {
        MeterValuesRequest values = call.request();
        UUID eventId = EventIds.nameBased(call.chargePointId(), "meter-values-sampled", values.connectorId(),
                values.transactionId(), values.meterValue().get(0).timestamp(), PayloadHash.sha256(call.payload().toString()));
        MeterValuesSampled sampled = new MeterValuesSampled(call.chargePointId(), values.connectorId(),
                values.transactionId(), toEvent(values.meterValue()), call.receivedAt());
        return publisher.publish(eventId, sampled, call.receivedAt()).map(sent -> new MeterValuesResponse());
    }

    Uni<StopTransactionResponse> stopTransaction(IncomingCall<StopTransactionRequest> call) {
        StopTransactionRequest stop = call.request();
        String chargePointId = call.chargePointId();
        return onWorker(() -> {
                    Optional<IssuedTransaction> known = transactionIds.find(chargePointId, stop.transactionId());
                    known.ifPresent(t -> transactionIds.stopped(chargePointId, t.transactionId(), stop.timestamp()));
                    return known;
                })
                .chain(issued -> publisher.publish(
                                EventIds.nameBased(chargePointId, "transaction-stopped", stop.transactionId()),
                                new TransactionStopped(chargePointId, stop.transactionId(),
                                        issued.map(IssuedTransaction::connectorId).orElse(null),
                                        stop.idTag() == null ? null : IdTags.normalize(stop.idTag()),
                                        stop.meterStop(), stop.timestamp(), stop.reason(),
                                        toEvent(stop.transactionData()), issued.isPresent(), call.receivedAt()),
                                call.receivedAt())
                        .map(sent -> new StopTransactionResponse(stop.idTag() == null ? null : IdTagInfo.of(
                                authorizer.authorize(registry.charger(chargePointId), stop.idTag())))))
                .invoke(answered -> loadBalancer.transactionChanged(chargePointId));
    }

    private static List<org.evsettle.events.ocpp.MeterValue> toEvent(List<MeterValue> meterValues) {
        if (meterValues == null) {
            return null;
        }
        return meterValues.stream()
                .map(value -> new org.evsettle.events.ocpp.MeterValue(value.timestamp(),
                        value.sampledValue().stream().map(TransactionHandler::toEvent).toList()))
                .toList();
    }

    private static org.evsettle.events.ocpp.SampledValue toEvent(SampledValue sample) {
        return new org.evsettle.events.ocpp.SampledValue(sample.value(), sample.context(), sample.format(),
                sample.measurand(), sample.phase(), sample.location(), sample.unit());
    }

    /** Blocking work (JDBC) off the event loop. */
    private static <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
