package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.tariffs.Sessions.aProgress;
import static org.evsettle.tariffs.Sessions.aSession;
import static org.evsettle.tariffs.TariffFixtures.aTariff;
import static org.evsettle.tariffs.TariffFixtures.createTariff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.Topics;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.events.tariffs.RunningCostCalculated;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.TariffEvent;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * From SessionProgressed on sessions.events to RunningCostCalculated on tariffs.running-costs: the running cost of a
 * session still charging, priced as its completion would be, for its station's display, never stored or announced
 * as a price.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RunningCostTest {

    private static final String SESSION_SERVICE = "session-service";
    private static final Duration SENT_WITHIN = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final BigDecimal PER_KWH = new BigDecimal("0.42");
    private static final BigDecimal START_FEE = new BigDecimal("0.75");
    private static final BigDecimal VAT_RATE = new BigDecimal("0.09");

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());
    private UUID operatorId;

    @Inject
    SessionPolls polls;

    /** The tariff every running cost here is priced with, and {@link #grossOf} computes by hand. */
    @BeforeEach
    void operatorWithAnEnergyPriceAndAStartFee() {
        operatorId = UUID.randomUUID();
        createTariff(operatorId, aTariff(t -> {
            t.put("components", List.of(Map.of("type", "ENERGY", "unitPrice", PER_KWH.toPlainString()),
                    Map.of("type", "START_FEE", "unitPrice", START_FEE.toPlainString())));
            t.put("vatRate", VAT_RATE.toPlainString());
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
        }));
    }

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void showsTheRunningCostOnTheStationAndStoresNothing() {
        SessionCompleted soFar = aSession(s -> s.operatorId(operatorId).energyWh(12_340));
        SessionProgressed progress = aProgress(soFar, "tx-" + soFar.transactionId());

        topics.publish(SESSION_SERVICE, progress);

        RunningCostCalculated cost = awaitCost(soFar);
        assertThat(costsOf(soFar)).hasSize(1);
        assertThat(cost.sessionId()).isEqualTo(soFar.sessionId());
        assertThat(cost.chargePointId()).isEqualTo(soFar.chargePointId());
        assertThat(cost.operatorId()).isEqualTo(operatorId);
        assertThat(cost.totalCost()).isEqualTo(grossOf("12.340"));
        assertThat(cost.currency()).isEqualTo("EUR");
        assertThat(cost.asOf()).isEqualTo(soFar.stoppedAt());
        assertThat(cost.stationTransactionId()).isEqualTo(progress.stationTransactionId());
        assertThat(topics.readAll(Topics.OCPP_COMMANDS, ChargerCommandRequested.class,
                command -> command.chargePointId().equals(soFar.chargePointId()), QUIET))
                .as("tariff-service commands no charger").isEmpty();
        assertThat(priceOf(soFar)).isNull();
        assertThat(unpricedOf(soFar)).isNull();
        assertThat(announcementsOf(soFar)).isEmpty();
    }

    @Test
    void announcesTheSameCostForAProgressDeliveredAgain() {
        SessionCompleted soFar = aSession(s -> s.operatorId(operatorId));
        Envelope<SessionProgressed> progress = envelope(aProgress(soFar, "tx-1"));

        polls.deliverEvents(List.of(progress));
        polls.deliverEvents(List.of(progress));

        await().atMost(SENT_WITHIN).until(() -> costsOf(soFar).size() == 2);
        List<RunningCostCalculated> costs = costsOf(soFar);
        assertThat(costs).extracting(RunningCostCalculated::costId).containsOnly(costs.get(0).costId());
    }

    @Test
    void showsOnlyTheLatestProgressOfABatchAndPricesTheLaterCompletionAsBefore() {
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        SessionCompleted completed = aSession(s -> s.operatorId(operatorId).startedAt(start).energyWh(20_000)
                .duration(Duration.ofMinutes(120)));
        SessionCompleted earlier = aSession(s -> s.operatorId(operatorId).startedAt(start)
                .chargePointId(completed.chargePointId()).transactionId(completed.transactionId()).energyWh(5_000)
                .duration(Duration.ofMinutes(30)));
        SessionCompleted later = aSession(s -> s.operatorId(operatorId).startedAt(start)
                .chargePointId(completed.chargePointId()).transactionId(completed.transactionId()).energyWh(10_000)
                .duration(Duration.ofMinutes(60)));

        polls.deliverEvents(List.of(envelope(aProgress(earlier, "tx-7")), envelope(aProgress(later, "tx-7"))));
        awaitCost(completed);
        // the session completes; a late progress of it in the same batch is not shown
        polls.deliverEvents(List.of(envelope(completed), envelope(aProgress(later, "tx-7"))));

        assertThat(costsOf(completed)).singleElement()
                .satisfies(cost -> assertThat(cost.totalCost()).isEqualTo(grossOf("10.000")));
        assertThat(announcementsOf(completed)).singleElement().isInstanceOfSatisfying(SessionPriced.class, priced -> {
            assertThat(priced.session().energyWh()).isEqualTo(20_000);
            assertThat(priced.grossAmount()).isEqualTo(grossOf("20.000"));
        });
        assertThat(priceOf(completed).revision).isZero();
    }

    @Test
    void showsNothingForASessionNoTariffPricesOrThatCostsNothing() {
        UUID withoutTariff = UUID.randomUUID();
        UUID freeCharging = UUID.randomUUID();
        createTariff(freeCharging, aTariff(t -> {
            t.put("components", List.of(Map.of("type", "ENERGY", "unitPrice", 0)));
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
        }));
        UUID home = UUID.randomUUID();
        RegistryFixtures.publishAndAwait(topics, new SiteRecord(home, 1, operatorId, "Home of Anna",
                new Address("Beukenlaan 7", "3581 CD", "Utrecht", "NL"), SiteKind.HOME, UUID.randomUUID()));
        SessionCompleted unpriced = aSession(s -> s.operatorId(withoutTariff));
        SessionCompleted free = aSession(s -> s.operatorId(freeCharging));
        SessionCompleted notBilled = aSession(s -> s.operatorId(operatorId).siteId(home));
        SessionCompleted negative = aSession(s -> s.operatorId(operatorId).energyWh(-40));

        polls.deliverEvents(List.of(envelope(aProgress(unpriced, "tx-1")), envelope(aProgress(free, "tx-2")),
                envelope(aProgress(notBilled, "tx-3")), envelope(aProgress(negative, "tx-4"))));

        List<SessionCompleted> sessions = List.of(unpriced, free, notBilled, negative);
        assertThat(topics.readAll(Topics.TARIFFS_RUNNING_COSTS, RunningCostCalculated.class, cost -> sessions.stream()
                .anyMatch(session -> session.sessionId().equals(cost.sessionId())), QUIET)).isEmpty();
        for (SessionCompleted session : sessions) {
            assertThat(unpricedOf(session)).isNull();
            assertThat(priceOf(session)).isNull();
        }
    }

    /** What the tariff set up above charges for this energy, VAT included: each line and the VAT to cents, half up. */
    private static BigDecimal grossOf(String kWh) {
        BigDecimal net = PER_KWH.multiply(new BigDecimal(kWh)).setScale(2, RoundingMode.HALF_UP).add(START_FEE);
        return net.add(net.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP));
    }

    private static <T extends Event> Envelope<T> envelope(T event) {
        return Envelope.of(SESSION_SERVICE, event);
    }

    private RunningCostCalculated awaitCost(SessionCompleted session) {
        await().atMost(SENT_WITHIN).until(() -> !costsOf(session).isEmpty());
        return costsOf(session).get(0);
    }

    private List<RunningCostCalculated> costsOf(SessionCompleted session) {
        return topics.readAll(Topics.TARIFFS_RUNNING_COSTS, RunningCostCalculated.class,
                cost -> cost.sessionId().equals(session.sessionId()), QUIET);
    }

    private List<TariffEvent> announcementsOf(SessionCompleted session) {
        return topics.readAll(Topics.TARIFFS_EVENTS, TariffEvent.class,
                event -> event.subject().equals(session.sessionId().toString()), QUIET);
    }

    private static SessionPrice priceOf(SessionCompleted session) {
        return QuarkusTransaction.requiringNew().call(() -> SessionPrice.findById(session.sessionId()));
    }

    private static UnpricedSession unpricedOf(SessionCompleted session) {
        return QuarkusTransaction.requiringNew().call(() -> UnpricedSession.findById(session.sessionId()));
    }
}
