package org.evsettle.sessions.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.MeterCurve;

/** A session's energy register over time, as the charger reported it: the curve a chart draws. */
@Schema(description = "A session's energy register over time as its charger reported it, in time order: the meter"
        + " start, the samples in between, the meter stop; at most " + MeterCurve.MOST_POINTS + " of them")
public record MeterValuesView(
        @Schema(description = "SessionIds.of(chargePointId, transactionId)", example = "3f1c2a9e-8b7d-3c6e-9a5f-1e2d3c4b5a69")
        UUID sessionId,
        List<Sample> samples) {

    /** One reading of the register. */
    public record Sample(
            @Schema(description = "When the charger read it (its clock)", example = "2026-03-10T08:15:00Z")
            Instant at,
            @Schema(description = "The energy register, in Wh", example = "1240000")
            long registerWh,
            @Schema(description = "The energy since the session's meter start, in Wh; null while the start has not"
                    + " arrived", example = "6000")
            Long energyWh) {
    }

    static MeterValuesView of(ChargingSession session) {
        return new MeterValuesView(session.id, MeterCurve.of(session).stream()
                .map(point -> new Sample(point.at(), point.registerWh(), point.energyWh())).toList());
    }
}
