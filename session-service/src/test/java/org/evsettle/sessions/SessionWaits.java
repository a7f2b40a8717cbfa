package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.Topics;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;

/** Waits for what the service does with the events a test published, as another service would see it. */
final class SessionWaits {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private SessionWaits() {
    }

    /** Waits until the session is visible to a platform admin with this status. */
    static void awaitStatus(UUID sessionId, SessionStatus status) {
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(TestTokens.platformAdmin())
                .get("/api/sessions/{id}", sessionId)
                .then().statusCode(200).body("status", equalTo(status.name())));
    }

    /** The SessionCompleted events published for the session so far. */
    static List<SessionCompleted> completions(TopicProbe topics, UUID sessionId) {
        return topics.readAll(Topics.SESSIONS_EVENTS, SessionCompleted.class, c -> c.sessionId().equals(sessionId),
                Duration.ofSeconds(2));
    }

    /** The SessionCorrected events published for the session so far, in order. */
    static List<SessionCorrected> corrections(TopicProbe topics, UUID sessionId) {
        return topics.readAll(Topics.SESSIONS_EVENTS, SessionCorrected.class, c -> c.sessionId().equals(sessionId),
                Duration.ofSeconds(2));
    }

    /** The SessionProgressed events published for the session so far, in order. */
    static List<SessionProgressed> progress(TopicProbe topics, UUID sessionId) {
        return topics.readAll(Topics.SESSIONS_EVENTS, SessionProgressed.class, p -> p.sessionId().equals(sessionId),
                Duration.ofSeconds(2));
    }

    /** Waits until the session has this many SessionProgressed on sessions.events, and returns them. */
    static List<SessionProgressed> awaitProgress(TopicProbe topics, UUID sessionId, int count) {
        return await().atMost(PATIENCE).until(() -> progress(topics, sessionId), list -> list.size() >= count);
    }

    /** Waits until the session has this many SessionCorrected on sessions.events, and returns them. */
    static List<SessionCorrected> awaitCorrections(TopicProbe topics, UUID sessionId, int count) {
        return await().atMost(PATIENCE).until(() -> corrections(topics, sessionId), list -> list.size() >= count);
    }

    /** Waits until the session's SessionCompleted is on sessions.events, and returns it. */
    static SessionCompleted awaitCompleted(TopicProbe topics, UUID sessionId) {
        return await().atMost(PATIENCE).until(() -> completions(topics, sessionId), list -> !list.isEmpty()).get(0);
    }
}
