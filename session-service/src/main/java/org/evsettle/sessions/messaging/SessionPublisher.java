package org.evsettle.sessions.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventIds;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.outbox.Outbox;
import org.evsettle.sessions.SessionCounters;

/**
 * Announces sessions (and the progress of those still charging at 2.0.1 stations) on {@code sessions.events},
 * through the outbox, in the transaction of the change.
 */
@ApplicationScoped
public class SessionPublisher {

    public static final String SOURCE = "session-service";

    private final Outbox outbox;
    private final Clock clock;
    private final Counter completed;

    public SessionPublisher(Outbox outbox, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.clock = clock;
        this.completed = SessionCounters.completed(meters);
    }

    /** The id follows from the session, so that a repeat could never pass for a second completion downstream. */
    public void completed(SessionCompleted completed) {
        completed(List.of(completed));
    }

    /** Several completions in one write, in the order given (the sessions of a batch of charger events). */
    public void completed(List<SessionCompleted> sessions) {
        Instant now = clock.instant();
        outbox.publishAll(sessions.stream().map(session -> Envelope.of(
                EventIds.nameBased("session-completed", session.sessionId()), SOURCE, session, now)).toList());
        completed.increment(sessions.size());
    }

    /**
     * The progress of sessions still charging, in one write; the id follows from the session and the reading, so
     * that the same reading is the same event.
     */
    public void progressed(List<SessionProgressed> sessions) {
        Instant now = clock.instant();
        outbox.publishAll(sessions.stream().map(session -> Envelope.of(EventIds.nameBased("session-progressed",
                session.sessionId(), session.soFar().stoppedAt()), SOURCE, session, now)).toList());
    }

    /** The id follows from the session and the revision: one event per correction. */
    public void corrected(SessionCorrected corrected) {
        outbox.publish(Envelope.of(EventIds.nameBased("session-corrected", corrected.sessionId(),
                corrected.revision()), SOURCE, corrected, clock.instant()));
    }
}
