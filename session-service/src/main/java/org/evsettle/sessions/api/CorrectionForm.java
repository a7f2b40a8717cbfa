package org.evsettle.sessions.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An operator's correction of a session: any of the stop time, the meter start and the meter stop (a
 * field left out stays as it is), and why: the reason is required and kept in the audit trail.
 */
public record CorrectionForm(
        Instant stoppedAt,
        @PositiveOrZero Long meterStartWh,
        @PositiveOrZero Long meterStopWh,
        @NotBlank @Size(max = 1000) String reason) {
}
