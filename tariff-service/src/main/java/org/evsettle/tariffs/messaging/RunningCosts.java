package org.evsettle.tariffs.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventIds;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.events.tariffs.RunningCostCalculated;
import org.evsettle.outbox.Outbox;
import org.evsettle.tariffs.Price;
import org.evsettle.tariffs.config.RunningCostSettings;

/**
 * Announces the running cost of a session still charging at an OCPP 2.0.1 station, for its display:
 * {@code RunningCostCalculated} on {@code tariffs.running-costs} (key chargePointId) through the outbox, for the
 * session's operator; the gateway shows it with CostUpdated. The cost's id is named by the session and the
 * reading, so a redelivered progress gives the same one. tariff-service never commands a charger itself.
 */
@ApplicationScoped
public class RunningCosts {

    private final Outbox outbox;
    private final RunningCostSettings settings;

    public RunningCosts(Outbox outbox, RunningCostSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Stores the announcements in the caller's transaction with one write. */
    public void show(List<RunningCostCalculated> costs) {
        Instant now = Instant.now();
        outbox.publishAll(costs.stream()
                .map(cost -> Envelope.of(cost.costId(), PricePublisher.SOURCE, cost, now))
                .toList());
    }

    /** A session's cost so far: its price, VAT included, had it stopped at its latest reading. */
    public static RunningCostCalculated of(SessionProgressed progress, Price price) {
        UUID costId = EventIds.nameBased("running-cost", progress.sessionId(), progress.soFar().stoppedAt());
        return new RunningCostCalculated(costId, progress.sessionId(), progress.soFar().snapshot().operatorId(),
                progress.soFar().chargePointId(), progress.stationTransactionId(), price.grossAmount(),
                price.currency(), progress.soFar().stoppedAt());
    }
}
