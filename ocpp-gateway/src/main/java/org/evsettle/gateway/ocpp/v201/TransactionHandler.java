package org.evsettle.gateway.ocpp.v201;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.StationTransaction;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.gateway.CardAuthorization;
import org.evsettle.gateway.CardAuthorizer;
import org.evsettle.gateway.CardCheck;
import org.evsettle.gateway.IssuedTransaction;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.StationTransactionId;
import org.evsettle.gateway.TransactionEventLog;
import org.evsettle.gateway.TransactionIds;
import org.evsettle.gateway.loadbalancing.SiteLoadBalancer;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.PayloadHash;
import org.evsettle.gateway.ocpp.v201.TransactionMessages.MeterValuesRequest;
import org.evsettle.gateway.ocpp.v201.TransactionMessages.MeterValuesResponse;
import org.evsettle.gateway.ocpp.v201.TransactionMessages.TransactionEventRequest;
import org.evsettle.gateway.ocpp.v201.TransactionMessages.TransactionEventResponse;

/**
 * A 2.0.1 station's TransactionEvents, mapped onto the version-neutral events with the gateway's
 * int transactionId ({@link TransactionIds}): the first event of a transaction that arrives announces
 * TransactionStarted (also an Updated or Ended whose Started was lost; a late Started repeats the
 * same event id, which consumers drop), Updated becomes MeterValuesSampled and Ended
 * TransactionStopped, its meterStop the Ended event's register or else the last one seen, never 0 Wh
 * by omission. A Started without any register waits for the first event that has one, for the same
 * reason. Event ids come from (charger, station transactionId, seqNo), each event is answered only
 * after Kafka acknowledged it and is published once ({@link TransactionEventLog}); the seqNos that
 * never arrived travel on the stop. The card is checked as for a 1.6 StartTransaction (reservations,
 * ConcurrentTx) and answered as idTokenInfo. MeterValues outside a transaction become
 * MeterValuesSampled without a transactionId.
 */
@ApplicationScoped
public class TransactionHandler implements ActionFamily {

    static final String STARTED = "Started";
    static final String ENDED = "Ended";
    /** 2.0.1: a stop without a stoppedReason is a normal, local one. */
    private static final String DEFAULT_STOPPED_REASON = "Local";

    private final RegistryProjection registry;
    private final CardAuthorizer authorizer;
    private final TransactionIds transactionIds;
    private final TransactionEventLog eventLog;
    private final CardCheck cards;
    private final SiteLoadBalancer loadBalancer;
    private final OcppEventPublisher publisher;

    public TransactionHandler(RegistryProjection registry, CardAuthorizer authorizer, TransactionIds transactionIds,
                              TransactionEventLog eventLog, CardCheck cards, SiteLoadBalancer loadBalancer,
                              OcppEventPublisher publisher) {
        this.registry = registry;
        this.authorizer = authorizer;
        this.transactionIds = transactionIds;
        this.eventLog = eventLog;
        this.cards = cards;
        this.loadBalancer = loadBalancer;
        this.publisher = publisher;
    }

    @Override
    public String subprotocol() {
        return Ocpp201.SUBPROTOCOL;
    }

    @Override
    public List<OcppAction<?, ?>> actions() {
        return List.of(
                OcppAction.of("TransactionEvent", TransactionEventRequest.class, this::transactionEvent),
                OcppAction.of("MeterValues", MeterValuesRequest.class, this::meterValues));
    }

    /** One TransactionEvent as the gateway understood it, before anything was published. */
    private record Step(TransactionEventRequest request, StationTransactionId id, int evseId, boolean published,
                        TransactionEventLog.History history, List<MeterValue> meterValues, Optional<Long> lastRegister,
                        Optional<MeterReadings.Reading> firstRegister, String idTag, CardAuthorization authorization,
                        Start start) {

        boolean isEnded() {
            return ENDED.equals(request.eventType());
        }

        Optional<Long> meterStart() {
            Optional<Long> seen = history.firstRegisterWh();
            Optional<Long> here = firstRegister.map(MeterReadings.Reading::wh);
            return seen.isPresent() && here.isPresent() ? Optional.of(Math.min(seen.get(), here.get()))
                    : seen.or(() -> here);
        }

        /** Announce the start: once a register is known (or the transaction ended); a Started always, for a late one. */
        boolean announcesStart() {
            boolean knowsStart = meterStart().isPresent() || isEnded();
            return knowsStart && (!id.startAnnounced() || STARTED.equals(request.eventType()));
        }
    }

    /** Who started the transaction, for its TransactionStarted: this event's card, else the one it was issued with. */
    private record Start(String idTag, CardAuthorization authorization) {
    }

    Uni<TransactionEventResponse> transactionEvent(IncomingCall<TransactionEventRequest> call) {
        TransactionEventRequest event = call.request();
        String chargePointId = call.chargePointId();
        String stationTransactionId = event.transactionInfo().transactionId();
        List<MeterValue> meterValues = MeterReadings.toEvent(event.meterValue());
        Optional<MeterReadings.Reading> firstRegister = MeterReadings.firstRegister(meterValues);
        Optional<ChargerRecord> charger = registry.charger(chargePointId);
        String idTag = IdTokens.idTagOf(event.idToken());
        CardAuthorization verdict = event.idToken() == null ? null : authorizer.authorize(charger, idTag);
        Instant startedAt = STARTED.equals(event.eventType()) ? event.timestamp()
                : firstRegister.map(MeterReadings.Reading::at)
                        .orElse(MeterReadings.earliest(meterValues, event.timestamp()));
        return onWorker(() -> {
                    StationTransactionId id = transactionIds.issueForStation(chargePointId, stationTransactionId,
                            event.evse() != null ? event.evse().id() : 0, idTag,
                            firstRegister.map(MeterReadings.Reading::wh).orElse(0L), startedAt);
                    int evseId = transactionIds.find(chargePointId, id.transactionId())
                            .map(IssuedTransaction::connectorId).orElse(0);
                    boolean published = eventLog.contains(chargePointId, stationTransactionId, event.seqNo());
                    CardAuthorization authorization = verdict == null ? null
                            : id.issuedNow() || STARTED.equals(event.eventType())
                                    ? cards.atStart(chargePointId, evseId, event.reservationId(), idTag, verdict,
                                            id.transactionId(), event.timestamp())
                                    : verdict;
                    // a Started announced later (it had no register) keeps its card: the driver is billed
                    Start start = idTag != null || id.startAnnounced() ? new Start(idTag, authorization)
                            : transactionIds.idTag(chargePointId, id.transactionId())
                                    .map(issuedWith -> new Start(issuedWith, authorizer.authorize(charger, issuedWith)))
                                    .orElse(new Start(null, authorization));
                    return new Step(event, id, evseId, published, eventLog.history(id.transactionId()), meterValues,
                            MeterReadings.lastRegisterWh(meterValues), firstRegister, idTag, authorization, start);
                })
                .chain(step -> step.published() ? Uni.createFrom().item(step) : publish(call, step, charger))
                .invoke(step -> {
                    if (!step.published() && (STARTED.equals(event.eventType()) || step.isEnded())) {
                        loadBalancer.transactionChanged(chargePointId);
                    }
                })
                .map(step -> new TransactionEventResponse(
                        step.authorization() == null ? null : IdTokens.infoOf(step.authorization())));
    }

    private Uni<Step> publish(IncomingCall<TransactionEventRequest> call, Step step, Optional<ChargerRecord> charger) {
        TransactionEventRequest event = step.request();
        String chargePointId = call.chargePointId();
        String stationTransactionId = event.transactionInfo().transactionId();
        int transactionId = step.id().transactionId();
        Uni<Void> started = Uni.createFrom().voidItem();
        if (step.announcesStart()) {
            Instant startedAt = STARTED.equals(event.eventType()) ? event.timestamp()
                    : earliestOf(step.history().earliest(), step.firstRegister().map(MeterReadings.Reading::at),
                            MeterReadings.earliest(step.meterValues(), event.timestamp()));
            CardAuthorization authorization = step.start().authorization() != null ? step.start().authorization()
                    : CardAuthorization.invalid();
            started = publisher.publish(EventIds.nameBased(chargePointId, "transaction-started", stationTransactionId),
                            new TransactionStarted(chargePointId, transactionId, step.evseId(), step.start().idTag(),
                                    step.meterStart().orElseGet(() -> step.lastRegister().orElse(0L)), startedAt,
                                    event.reservationId(), authorization.toEvent(charger),
                                    call.receivedAt(), station(step, List.of())),
                            call.receivedAt())
                    .chain(() -> onWorker(() -> {
                        transactionIds.startAnnounced(transactionId, call.receivedAt());
                        return null;
                    }))
                    .replaceWithVoid();
        }
        return started
                .chain(() -> publishFacts(call, step))
                .chain(() -> onWorker(() -> {
                    eventLog.published(chargePointId, stationTransactionId, event.seqNo(), transactionId,
                            event.eventType(), event.triggerReason(), event.isOffline(),
                            step.lastRegister().orElse(null), event.timestamp(), call.receivedAt());
                    if (step.isEnded()) {
                        transactionIds.stopped(chargePointId, transactionId, event.timestamp());
                    }
                    return step;
                }));
    }

    /** Updated: its samples (none, nothing to publish); Ended: the stop. Started says nothing more than the start. */
    private Uni<Void> publishFacts(IncomingCall<TransactionEventRequest> call, Step step) {
        TransactionEventRequest event = step.request();
        String chargePointId = call.chargePointId();
        String stationTransactionId = event.transactionInfo().transactionId();
        if (step.isEnded()) {
            long meterStop = step.lastRegister().or(() -> step.history().lastRegisterWh())
                    .or(step::meterStart).orElse(0L);
            String reason = event.transactionInfo().stoppedReason() != null ? event.transactionInfo().stoppedReason()
                    : DEFAULT_STOPPED_REASON;
            return publisher.publish(EventIds.nameBased(chargePointId, "transaction-stopped", stationTransactionId),
                    new TransactionStopped(chargePointId, step.id().transactionId(), step.evseId(), step.idTag(),
                            meterStop, event.timestamp(), reason, step.meterValues(), true, call.receivedAt(),
                            station(step, step.history().missingUpTo(event.seqNo()))),
                    call.receivedAt());
        }
        if (STARTED.equals(event.eventType()) || step.meterValues().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return publisher.publish(EventIds.nameBased(chargePointId, "meter-values-sampled", stationTransactionId,
                        event.seqNo()),
                new MeterValuesSampled(chargePointId, step.evseId(), step.id().transactionId(), step.meterValues(),
                        call.receivedAt(), station(step, null)),
                call.receivedAt());
    }

    private static StationTransaction station(Step step, List<Integer> missingSeqNos) {
        TransactionEventRequest event = step.request();
        return new StationTransaction(event.transactionInfo().transactionId(), event.seqNo(), event.eventType(),
                event.triggerReason(), event.isOffline(), step.evseId(),
                event.evse() != null ? event.evse().connectorId() : null, event.transactionInfo().chargingState(),
                missingSeqNos);
    }

    Uni<MeterValuesResponse> meterValues(IncomingCall<MeterValuesRequest> call) {
        MeterValuesRequest values = call.request();
        List<MeterValue> meterValues = MeterReadings.toEvent(values.meterValue());
        UUID eventId = EventIds.nameBased(call.chargePointId(), "meter-values-sampled", values.evseId(), null,
                values.meterValue().get(0).timestamp(), PayloadHash.sha256(call.payload().toString()));
        return publisher.publish(eventId, new MeterValuesSampled(call.chargePointId(), values.evseId(), null, meterValues,
                        call.receivedAt()), call.receivedAt())
                .map(sent -> new MeterValuesResponse());
    }

    @SafeVarargs
    private static Instant earliestOf(Optional<Instant> seen, Optional<Instant> begin, Instant... others) {
        Instant earliest = others[0];
        for (Optional<Instant> candidate : List.of(seen, begin)) {
            if (candidate.isPresent() && candidate.get().isBefore(earliest)) {
                earliest = candidate.get();
            }
        }
        return earliest;
    }

    /** Blocking work (JDBC) off the event loop. */
    private static <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
