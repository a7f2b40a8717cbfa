package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.tariffs.Sessions.aCorrection;
import static org.evsettle.tariffs.Sessions.aSession;
import static org.evsettle.tariffs.TariffFixtures.aTariff;
import static org.evsettle.tariffs.TariffFixtures.createTariff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.Topics;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.events.tariffs.TariffEvent;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poll's batch of session events, handed to the failure policy as the Kafka connector hands it over:
 * applied in one transaction, each event once, in order per session (what happens to an event that
 * fails is SessionFailurePolicyTest's).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SessionBatchTest {

    private static final String SESSION_SERVICE = "session-service";
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());
    private UUID operatorId;

    @Inject
    SessionPolls polls;

    @BeforeEach
    void tariff() {
        operatorId = UUID.randomUUID();
        createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));
    }

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void pricesASessionOnceWhenItsCompletionIsTwiceInOneBatch() {
        SessionCompleted session = aSession(s -> s.operatorId(operatorId));
        SessionCompleted other = aSession(s -> s.operatorId(operatorId));
        Envelope<SessionCompleted> completed = envelope(session);

        polls.deliverEvents(List.of(completed, completed, envelope(session), envelope(other)));

        assertThat(priceOf(session)).hasValueSatisfying(p -> assertThat(p.revision).isZero());
        assertThat(priceOf(other)).isPresent();
        assertThat(announcementsOf(session)).singleElement().isInstanceOf(SessionPriced.class);
        assertThat(announcementsOf(other)).singleElement().isInstanceOf(SessionPriced.class);
    }

    @Test
    void pricesNothingTwiceWhenABatchIsDeliveredAgain() {
        SessionCompleted first = aSession(s -> s.operatorId(operatorId).energyWh(10_000));
        SessionCompleted second = aSession(s -> s.operatorId(operatorId));
        SessionCompleted third = aSession(s -> s.operatorId(operatorId));
        List<Envelope<?>> batch = List.of(envelope(first), envelope(second),
                envelope(aCorrection(first, 1, s -> s.energyWh(20_000))));

        polls.deliverEvents(batch);
        // redelivered after a crash before the offsets were committed, and a next poll that overlaps it
        polls.deliverEvents(batch);
        polls.deliverEvents(List.of(batch.get(1), batch.get(2), envelope(third)));

        assertThat(priceOf(first)).hasValueSatisfying(p -> {
            assertThat(p.revision).isEqualTo(1);
            assertThat(p.energyWh).isEqualTo(20_000);
        });
        assertThat(announcementsOf(first)).extracting(TariffEvent::getClass)
                .containsExactly(SessionPriced.class, SessionRepriced.class);
        assertThat(announcementsOf(second)).singleElement().isInstanceOf(SessionPriced.class);
        assertThat(announcementsOf(third)).singleElement().isInstanceOf(SessionPriced.class);
    }

    @Test
    void appliesACompletionAndItsCorrectionsInOneBatchInTheirOrder() {
        SessionCompleted session = aSession(s -> s.operatorId(operatorId).energyWh(12_340));
        SessionCorrected second = aCorrection(session, 2, s -> s.energyWh(30_000));
        SessionCorrected first = aCorrection(session, 1, s -> s.energyWh(20_000));

        polls.deliverEvents(List.of(envelope(session), envelope(second), envelope(first)));

        assertThat(priceOf(session)).hasValueSatisfying(p -> {
            assertThat(p.revision).isEqualTo(2);
            assertThat(p.netAmount).isEqualTo(new BigDecimal("11.00"));
        });
        List<TariffEvent> announced = announcementsOf(session);
        assertThat(announced).hasSize(2);
        assertThat(announced.get(0)).isInstanceOfSatisfying(SessionPriced.class,
                priced -> assertThat(priced.netAmount()).isEqualTo(new BigDecimal("4.82")));
        assertThat(announced.get(1)).isInstanceOfSatisfying(SessionRepriced.class, repriced -> {
            assertThat(repriced.revision()).isEqualTo(2);
            assertThat(repriced.price().netAmount()).isEqualTo(new BigDecimal("11.00"));
        });
    }

    @Test
    void pricesACorrectionAheadOfItsCompletionInOneBatchAsTheFirstPrice() {
        SessionCompleted session = aSession(s -> s.operatorId(operatorId).energyWh(12_340));

        polls.deliverEvents(List.of(envelope(aCorrection(session, 1, s -> s.energyWh(20_000))), envelope(session)));

        assertThat(priceOf(session)).hasValueSatisfying(p -> assertThat(p.revision).isEqualTo(1));
        assertThat(announcementsOf(session)).singleElement().isInstanceOfSatisfying(SessionPriced.class,
                priced -> assertThat(priced.session().energyWh()).isEqualTo(20_000));
    }

    @Test
    void pricesASessionLeftUnpricedEarlierInTheBatchOnceItsCorrectionFindsATariff() {
        UUID residentsOnly = UUID.randomUUID();
        createTariff(residentsOnly, aTariff(t -> {
            t.put("userTypes", List.of("RESIDENT"));
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
        }));
        SessionCompleted guest = aSession(s -> s.operatorId(residentsOnly).userType("GUEST"));

        polls.deliverEvents(List.of(envelope(guest), envelope(aCorrection(guest, 1, s -> s.userType("RESIDENT")))));

        assertThat(priceOf(guest)).hasValueSatisfying(p -> assertThat(p.userType).isEqualTo("RESIDENT"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> UnpricedSession.findByIdOptional(guest.sessionId())))
                .isEmpty();
        assertThat(announcementsOf(guest)).singleElement().isInstanceOf(SessionPriced.class);
    }

    private static <T extends Event> Envelope<T> envelope(T event) {
        return Envelope.of(SESSION_SERVICE, event);
    }

    private static Optional<SessionPrice> priceOf(SessionCompleted session) {
        return QuarkusTransaction.requiringNew().call(() -> SessionPrice.findByIdOptional(session.sessionId()));
    }

    private List<TariffEvent> announcementsOf(SessionCompleted session) {
        return topics.readAll(Topics.TARIFFS_EVENTS, TariffEvent.class,
                event -> event.subject().equals(session.sessionId().toString()), QUIET);
    }
}
