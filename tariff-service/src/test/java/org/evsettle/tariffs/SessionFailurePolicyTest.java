package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.tariffs.Sessions.aCorrection;
import static org.evsettle.tariffs.Sessions.aSession;
import static org.evsettle.tariffs.TariffFixtures.aTariff;
import static org.evsettle.tariffs.TariffFixtures.as;
import static org.evsettle.tariffs.TariffFixtures.createTariff;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.TariffEvent;
import org.evsettle.tariffs.messaging.SessionEventsConsumer;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the failure policy does with session events pricing cannot apply: an unreadable or malformed
 * event is quarantined at once, one that fails a few times and then succeeds is priced once, one that
 * keeps failing is quarantined after the bounded attempts (3 in tests) and priced once when a platform
 * admin replays it after the fix; in every case the rest of the poll is priced.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SessionFailurePolicyTest {

    private static final Duration QUIET = Duration.ofSeconds(3);

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());
    private UUID operatorId;

    @Inject
    SessionPolls polls;
    @Inject
    DataSource dataSource;
    @Inject
    EntityManager entityManager;

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
    void quarantinesAnUnreadableEventAndPricesTheRestOfThePoll() {
        SessionCompleted before = aSession(s -> s.operatorId(operatorId));
        SessionCompleted after = aSession(s -> s.operatorId(operatorId));
        UUID unreadable = UUID.randomUUID();

        polls.deliver(List.of(polls.record(envelope(before)),
                polls.raw(before.sessionId().toString(), unreadable, EventCatalog.SESSION_COMPLETED.ceType(),
                        "{\"sessionId\": \"not json".getBytes(StandardCharsets.UTF_8)),
                polls.record(envelope(after))));

        assertThat(priceOf(before)).isPresent();
        assertThat(priceOf(after)).isPresent();
        assertThat(quarantined(unreadable)).hasValueSatisfying(held -> {
            assertThat(held.reason()).startsWith("unreadable");
            assertThat(held.attempts()).isZero();
        });
    }

    @Test
    void quarantinesACorrectionWithoutItsCorrectedSessionAtOnce() {
        SessionCompleted session = aSession(s -> s.operatorId(operatorId));
        SessionCompleted other = aSession(s -> s.operatorId(operatorId));
        Envelope<SessionCorrected> broken = envelope(new SessionCorrected(session.sessionId(), 1, other,
                "meter stop corrected", "operator-admin", session.stoppedAt()));

        polls.deliverEvents(List.of(envelope(session), broken, envelope(other)));

        assertThat(priceOf(session)).hasValueSatisfying(price -> assertThat(price.revision).isZero());
        assertThat(priceOf(other)).isPresent();
        assertThat(quarantined(broken.id())).hasValueSatisfying(held -> {
            assertThat(held.reason()).contains("carries no corrected session of that id");
            assertThat(held.attempts()).isEqualTo(1);
        });
    }

    @Test
    void pricesAnEventOnceThatFailedTwiceAndThenSucceeded() throws SQLException {
        SessionCompleted flaky = aSession(s -> s.operatorId(operatorId));
        SessionCompleted other = aSession(s -> s.operatorId(operatorId));
        Envelope<SessionCompleted> event = envelope(flaky);

        try (Fault fault = refuse(flaky, 2)) {
            polls.deliverEvents(List.of(event));
            polls.deliverEvents(List.of(envelope(other)));
        }

        assertThat(priceOf(flaky)).isPresent();
        assertThat(priceOf(other)).isPresent();
        assertThat(announcementsOf(flaky)).singleElement().isInstanceOf(SessionPriced.class);
        assertThat(quarantined(event.id())).isEmpty();
    }

    @Test
    void quarantinesAnEventThatKeepsFailingAndPricesItOnceWhenReplayedAfterTheFix() throws SQLException {
        SessionCompleted failing = aSession(s -> s.operatorId(operatorId));
        SessionCompleted before = aSession(s -> s.operatorId(operatorId));
        SessionCompleted after = aSession(s -> s.operatorId(operatorId));
        Envelope<SessionCompleted> event = envelope(failing);

        try (Fault fault = refuse(failing, Integer.MAX_VALUE)) {
            polls.deliverEvents(List.of(envelope(before), event, envelope(after)));
        }

        assertThat(priceOf(before)).isPresent();
        assertThat(priceOf(after)).isPresent();
        assertThat(priceOf(failing)).isEmpty();
        Held held = quarantined(event.id()).orElseThrow();
        assertThat(held.attempts()).isEqualTo(3);
        assertThat(held.reason()).contains("refused by a test fault");

        replay(held.id()).body("outcome", equalTo("APPLIED"));
        replay(held.id()).body("outcome", equalTo("UNCHANGED"));
        // and the same event from the topic again, as after a rebalance
        polls.deliverEvents(List.of(event));

        assertThat(priceOf(failing)).isPresent();
        assertThat(announcementsOf(failing)).singleElement().isInstanceOf(SessionPriced.class);
    }

    /** Fails the first {@code times} attempts to store the session's price; a sequence counts across rollbacks. */
    private Fault refuse(SessionCompleted session, int times) throws SQLException {
        String name = "refuse_" + session.sessionId().toString().replace("-", "");
        execute("CREATE SEQUENCE " + name);
        execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF nextval('" + name + "') <= " + times + " THEN"
                + " RAISE EXCEPTION 'price refused by a test fault'; END IF; RETURN NEW; END $$");
        execute("CREATE TRIGGER " + name + " BEFORE INSERT ON session_price FOR EACH ROW"
                + " WHEN (NEW.session_id = '" + session.sessionId() + "') EXECUTE FUNCTION " + name + "()");
        return () -> {
            execute("DROP TRIGGER " + name + " ON session_price");
            execute("DROP FUNCTION " + name + "()");
            execute("DROP SEQUENCE " + name);
        };
    }

    /** The fix: the fault removed. */
    private interface Fault extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    private record Held(long id, String reason, int attempts) {
    }

    private Optional<Held> quarantined(UUID eventId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT id, reason, attempts FROM quarantined_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, SessionEventsConsumer.NAME).setParameter(2, eventId).getResultList());
        return rows.stream().findFirst().map(found -> {
            Object[] row = (Object[]) found;
            return new Held(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue());
        });
    }

    private static io.restassured.response.ValidatableResponse replay(long id) {
        return as(TestTokens.platformAdmin()).post("/api/quarantined-events/{id}/replay", id).then().statusCode(200);
    }

    private static <T extends org.evsettle.events.Event> Envelope<T> envelope(T event) {
        return Envelope.of("session-service", event);
    }

    private static Optional<SessionPrice> priceOf(SessionCompleted session) {
        return QuarkusTransaction.requiringNew().call(() -> SessionPrice.findByIdOptional(session.sessionId()));
    }

    private List<TariffEvent> announcementsOf(SessionCompleted session) {
        return topics.readAll(Topics.TARIFFS_EVENTS, TariffEvent.class,
                event -> event.subject().equals(session.sessionId().toString()), QUIET);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
