package org.evsettle.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.v201.Ocpp201Commands;

/**
 * Where the running cost reaches a 2.0.1 station's display: a CostUpdated is sent unless the station answered
 * one on its current connection with CALLERROR NotImplemented or NotSupported, or let the first one there go
 * unanswered (forgotten when it boots again: new firmware may show costs), and unless the gateway knows its
 * transaction has ended. Counted in {@code ocpp_cost_updates_total{outcome}} ({@code sent}, {@code unsupported},
 * {@code ended}).
 */
@ApplicationScoped
public class CostDisplay {

    public static final String ACTION = "CostUpdated";
    private static final Set<String> UNSUPPORTED = Set.of("NotImplemented", "NotSupported");

    private final TransactionIds transactionIds;
    private final MeterRegistry meters;
    private final Map<String, Learned> stations = new ConcurrentHashMap<>();

    /** What a station's answers on one connection showed: whether it takes CostUpdated, and if not, its answer. */
    private record Learned(String connectionId, boolean shows, String answer) {
    }

    public CostDisplay(TransactionIds transactionIds, MeterRegistry meters) {
        this.transactionIds = transactionIds;
        this.meters = meters;
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
