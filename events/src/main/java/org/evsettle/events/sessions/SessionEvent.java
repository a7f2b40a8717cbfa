package org.evsettle.events.sessions;

import java.util.UUID;
import org.evsettle.events.Event;

/** A fact about a charging session; the subject is the sessionId. */
public sealed interface SessionEvent extends Event permits SessionCompleted, SessionCorrected, SessionProgressed {

    UUID sessionId();

    @Override
    default String subject() {
        return sessionId().toString();
    }
}
