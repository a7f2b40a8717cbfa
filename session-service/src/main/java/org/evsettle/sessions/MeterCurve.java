package org.evsettle.sessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.evsettle.events.sessions.EnergyReading;

/**
 * A session's energy register over time as its charger reported it, for a person to look at: the meter
 * start at the start, the samples taken in between, the meter stop at the stop, in time order, thinned
 * evenly to at most {@link #MOST_POINTS} (the first and the last kept). A correction changes what is
 * billed, not what the charger said: the start and the stop are the ones from before the first correction,
 * and a session the charger never stopped (an operator closed it) ends at its last sample.
 */
public final class MeterCurve {

    /** Enough points for a chart as wide as a screen; a session of days with samples each minute has thousands. */
    public static final int MOST_POINTS = 500;

    /** One reading: the register, and the energy since the meter start (null while the start has not arrived). */
    public record Point(Instant at, long registerWh, Long energyWh) {
    }

    private MeterCurve() {
    }

    /** The session's curve from its stored samples and, when it was corrected, the start and stop it had before. */
    public static List<Point> of(ChargingSession session) {
        Long meterStartWh = session.meterStartWh;
        Instant stoppedAt = session.stoppedAt;
        Long meterStopWh = session.meterStopWh;
        List<SessionCorrection> trail = SessionCorrection.of(session.id);
        if (!trail.isEmpty()) {
            SessionCorrection first = trail.get(0);
            meterStartWh = first.meterStartBefore;
            stoppedAt = first.stoppedAtBefore;
            meterStopWh = first.meterStopBefore;
        }
        return thinned(of(meterStartWh, reading(session.startedAt, meterStartWh), MeterSample.of(session.id),
                reading(stoppedAt, meterStopWh)), MOST_POINTS);
    }

    /**
     * The start (or null), the samples after it and before the stop, and the stop (or null), in time order,
     * one per instant; at the start and stop instants the transaction's own readings win. The energy counts
     * from the meter start (also one without a charger time), null without it.
     */
    static List<Point> of(Long meterStartWh, EnergyReading start, List<EnergyReading> samples, EnergyReading stop) {
        TreeMap<Instant, EnergyReading> byInstant = new TreeMap<>();
        for (EnergyReading sample : samples) {
            // a sample outside the session (a clock off, a value of the next session) says nothing about it
            if ((start == null || sample.at().isAfter(start.at())) && (stop == null || sample.at().isBefore(stop.at()))) {
                byInstant.putIfAbsent(sample.at(), sample);
            }
        }
        if (start != null) {
            byInstant.put(start.at(), start);
        }
        if (stop != null) {
            byInstant.put(stop.at(), stop);
        }
        return byInstant.values().stream().map(reading -> new Point(reading.at(), reading.registerWh(),
                meterStartWh == null ? null : reading.registerWh() - meterStartWh)).toList();
    }

    /** At most {@code most} of the points, evenly spaced among them, the first and the last always kept. */
    static <T> List<T> thinned(List<T> points, int most) {
        if (points.size() <= most) {
            return points;
        }
        double step = (points.size() - 1) / (double) (most - 1);
        List<T> kept = new ArrayList<>(most);
        for (int i = 0; i < most; i++) {
            kept.add(points.get((int) Math.round(i * step)));
        }
        return kept;
    }

    private static EnergyReading reading(Instant at, Long registerWh) {
        return at == null || registerWh == null ? null : new EnergyReading(at, registerWh);
    }
}
