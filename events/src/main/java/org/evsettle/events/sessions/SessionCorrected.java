package org.evsettle.events.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator corrected a session that had already completed (stop time, meter stop) or released a
 * held one as corrected: corrected holds the session's new facts in full. revision counts the
 * corrections of this session (1 for the first); the latest revision wins. Prices and invoices follow.
 */
public record SessionCorrected(
        UUID sessionId,
        int revision,
        SessionCompleted corrected,
        String reason,
        String correctedBy,
        Instant correctedAt) implements SessionEvent {
}
