package org.evsettle.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.events.tariffs.RunningCostCalculated;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.OcppJson;
import org.evsettle.gateway.ocpp.v201.Ocpp201Commands;

/**
 * Where the running cost reaches a 2.0.1 station's display. tariff-service announces it on
 * {@code tariffs.running-costs} at each new reading of a session charging there; each is executed as a CostUpdated
 * command for the charger's operator ({@link #costUpdated}), so the same routing, operator scope and answers apply
 * as to any command, and a redelivery (the same costId) is executed once. A CostUpdated is sent unless the station answered
 * one on its current connection with CALLERROR NotImplemented or NotSupported, or let the first one there go
 * unanswered (forgotten when it boots again: new firmware may show costs), and unless the gateway knows its
 * transaction has ended. Counted in {@code ocpp_cost_updates_total{outcome}} ({@code sent}, {@code unsupported},
 * {@code ended}).
 */
@ApplicationScoped
public class CostDisplay {

    public static final String ACTION = "CostUpdated";
    private static final Set<String> UNSUPPORTED = Set.of("NotImplemented", "NotSupported");
    static final String REQUESTED_BY = "tariff-service";
    /** A running cost is stale by the next reading: not worth waiting long for the station. */
    static final int TIMEOUT_SECONDS = 30;

    private final TransactionIds transactionIds;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Learned> stations = new ConcurrentHashMap<>();

    /** What a station's answers on one connection showed: whether it takes CostUpdated, and if not, its answer. */
    private record Learned(String connectionId, boolean shows, String answer) {
    }

    public CostDisplay(TransactionIds transactionIds, MeterRegistry meters, Clock clock) {
        this.transactionIds = transactionIds;
        this.meters = meters;
        this.clock = clock;
    }

    /** The route as it was, or for a CostUpdated the station cannot use, refused (blocking: from a worker thread). */
    public Ocpp201Commands.Route route(String chargePointId, String connectionId, Ocpp201Commands.Route route) {
        if (!(route instanceof Ocpp201Commands.Send send) || !ACTION.equals(send.action())) {
            return route;
        }
        Learned learned = stations.get(chargePointId);
        if (learned != null && learned.connectionId().equals(connectionId) && !learned.shows()) {
            return refused("unsupported", chargePointId + " does not support CostUpdated (it answered " + learned.answer()
                    + "); nothing is sent until it boots again");
        }
        String transactionId = send.payload().path("transactionId").asText();
        if (transactionIds.hasEnded(chargePointId, transactionId)) {
            return refused("ended", "Transaction " + transactionId + " of " + chargePointId
                    + " has ended: there is no running cost to show; nothing was sent");
        }
        count("sent");
        return send;
    }

    /** Learns from the station's answer to a CostUpdated whether it shows costs. */
    public void answered(String chargePointId, String connectionId, String action, CallOutcome outcome) {
        if (!ACTION.equals(action)) {
            return;
        }
        switch (outcome.outcome()) {
            case ANSWERED -> stations.put(chargePointId, new Learned(connectionId, true, null));
            case CALL_ERROR -> {
                if (UNSUPPORTED.contains(outcome.errorCode())) {
                    stations.put(chargePointId, new Learned(connectionId, false, "CALLERROR " + outcome.errorCode()));
                }
            }
            // one that showed costs on this connection is not given up for a late answer
            case TIMED_OUT -> stations.compute(chargePointId, (id, known) ->
                    known != null && known.connectionId().equals(connectionId) && known.shows() ? known
                            : new Learned(connectionId, false, "none in time"));
            default -> {
            }
        }
    }

    /**
     * The command that shows this running cost: CostUpdated {totalCost, transactionId} under the cost's id, requested
     * now (its time runs from when the gateway takes it, not from the reading, which a station may send late).
     */
    public ChargerCommandRequested costUpdated(RunningCostCalculated cost) {
        ObjectNode payload = OcppJson.mapper().createObjectNode()
                .put("totalCost", cost.totalCost())
                .put("transactionId", cost.stationTransactionId());
        return new ChargerCommandRequested(cost.costId(), cost.chargePointId(), ACTION, payload, REQUESTED_BY,
                clock.instant(), TIMEOUT_SECONDS, cost.operatorId());
    }

    /** The station booted: what it showed before no longer holds. */
    public void booted(String chargePointId) {
        stations.remove(chargePointId);
    }

    private Ocpp201Commands.Refused refused(String outcome, String reason) {
        count(outcome);
        return new Ocpp201Commands.Refused(reason);
    }

    private void count(String outcome) {
        meters.counter("ocpp.cost.updates", "outcome", outcome).increment();
    }
}
