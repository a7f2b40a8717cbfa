package org.evsettle.tariffs.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventIds;
import org.evsettle.events.EventJson;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.outbox.Outbox;
import org.evsettle.tariffs.config.RunningCostSettings;

/**
 * Shows the running cost of a session still charging on its OCPP 2.0.1 station's display: an OCPP
 * {@code CostUpdated} command on {@code ocpp.commands} (key chargePointId) through the outbox, sent for
 * the session's operator, for the gateway to deliver. The command id is named by the session and the
 * reading, so a redelivered progress gives the same command.
 */
@ApplicationScoped
public class RunningCosts {

    static final String ACTION = "CostUpdated";
    /** A running cost is stale by the next reading: not worth waiting long for the station. */
    static final int TIMEOUT_SECONDS = 30;

    private final Outbox outbox;
    private final RunningCostSettings settings;

    public RunningCosts(Outbox outbox, RunningCostSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    /** A session's cost so far: what it would cost, VAT included, had it stopped at its latest reading. */
    public record RunningCost(SessionProgressed progress, BigDecimal totalCost) {
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Stores the commands in the caller's transaction with one write. */
    public void show(List<RunningCost> costs) {
        Instant now = Instant.now();
        outbox.publishAll(costs.stream().map(cost -> costUpdated(cost, now))
                .map(command -> Envelope.of(EventIds.nameBased(command.commandId(), "charger-command-requested"),
                        PricePublisher.SOURCE, command, now))
                .toList());
    }

    static ChargerCommandRequested costUpdated(RunningCost cost, Instant now) {
        SessionProgressed progress = cost.progress();
        UUID commandId = EventIds.nameBased("cost-updated", progress.sessionId(), progress.soFar().stoppedAt());
        ObjectNode payload = EventJson.mapper().createObjectNode()
                .put("totalCost", cost.totalCost())
                .put("transactionId", progress.stationTransactionId());
        return new ChargerCommandRequested(commandId, progress.soFar().chargePointId(), ACTION, payload,
                PricePublisher.SOURCE, now, TIMEOUT_SECONDS, progress.soFar().snapshot().operatorId());
    }
}
