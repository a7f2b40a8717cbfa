package org.evsettle.sessions.api;

import java.time.Instant;
import java.util.UUID;
import org.evsettle.sessions.SessionCorrection;
import org.evsettle.sessions.SessionStatus;

/** One entry of a session's audit trail: who did what when and why, each changed value before and after. */
public record CorrectionView(
        UUID correctionId,
        UUID sessionId,
        SessionCorrection.Action action,
        String actedBy,
        Instant actedAt,
        String reason,
        SessionStatus statusBefore,
        SessionStatus statusAfter,
        Instant stoppedAtBefore,
        Instant stoppedAtAfter,
        Long meterStartWhBefore,
        Long meterStartWhAfter,
        Long meterStopWhBefore,
        Long meterStopWhAfter,
        Long energyWhBefore,
        Long energyWhAfter,
        SessionCorrection.Published published,
        Integer revision) {

    static CorrectionView of(SessionCorrection c) {
        return new CorrectionView(c.id, c.sessionId, c.action, c.actedBy, c.actedAt, c.reason, c.statusBefore,
                c.statusAfter, c.stoppedAtBefore, c.stoppedAtAfter, c.meterStartBefore, c.meterStartAfter,
                c.meterStopBefore, c.meterStopAfter, c.energyBefore, c.energyAfter, c.published, c.revision);
    }
}
