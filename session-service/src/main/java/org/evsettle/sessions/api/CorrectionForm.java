package org.evsettle.sessions.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.sessions.SessionCorrections;

/**
 * An operator's correction of a session: any of the stop time, the meter start and the meter stop (a
 * field left out stays as it is), and why: the reason is required and kept in the audit trail.
 */
@Schema(description = "What to correct (a field left out stays as it is) and why")
public record CorrectionForm(
        @Schema(description = "The stop time (UTC); not before the start, not in the future", implementation = String.class,
                format = "date-time", example = "2026-03-01T18:45:00Z")
        Instant stoppedAt,
        @Schema(description = "The meter start in Wh", example = "1234000")
        @PositiveOrZero Long meterStartWh,
        @Schema(description = "The meter stop in Wh; not below the meter start", example = "1246340")
        @PositiveOrZero Long meterStopWh,
        @Schema(description = "Why, for the audit trail (up to 1000 characters)",
                example = "Charger lost its clock after a reboot; stop time taken from the driver's receipt")
        @NotBlank @Size(max = 1000) String reason) {

    SessionCorrections.Change change() {
        return new SessionCorrections.Change(stoppedAt, meterStartWh, meterStopWh, reason.trim());
    }
}
