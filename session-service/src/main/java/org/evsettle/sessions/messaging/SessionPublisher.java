package org.evsettle.sessions.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventIds;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.outbox.Outbox;

/** Announces sessions on {@code sessions.events}, through the outbox, in the transaction of the change. */
@ApplicationScoped
public class SessionPublisher {

    public static final String SOURCE = "session-service";

    private final Outbox outbox;

    public SessionPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The id follows from the session, so that a repeat could never pass for a second completion downstream. */
    public void completed(SessionCompleted completed) {
        outbox.publish(Envelope.of(EventIds.nameBased("session-completed", completed.sessionId()), SOURCE, completed,
                Instant.now()));
    }

    /** The id follows from the session and the revision: one event per correction. */
    public void corrected(SessionCorrected corrected) {
        outbox.publish(Envelope.of(EventIds.nameBased("session-corrected", corrected.sessionId(),
                corrected.revision()), SOURCE, corrected, Instant.now()));
    }
}
