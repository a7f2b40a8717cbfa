package org.evsettle.events.tariffs;

import java.util.UUID;
import org.evsettle.events.Event;

/** A price for a session; the subject is the sessionId. */
public sealed interface TariffEvent extends Event permits SessionPriced, SessionRepriced {

    UUID sessionId();

    @Override
    default String subject() {
        return sessionId().toString();
    }
}
