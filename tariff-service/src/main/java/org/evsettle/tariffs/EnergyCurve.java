package org.evsettle.tariffs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.evsettle.events.sessions.EnergyReading;

/**
 * The energy delivered in a session as a function of time, in Wh from its start: the register
 * readings joined by straight lines. Between two readings the energy is taken to flow evenly, so a
 * window edge that falls between them gets its share pro rata by time. Readings outside the session,
 * or below an earlier one or above the stop register, are clamped so that the curve rises from 0 at
 * the start to the session's energy at the stop, whatever the samples say.
 */
final class EnergyCurve {

    /** An energy the session never reaches. */
    static final long NEVER = Long.MAX_VALUE;

    private final long[] at;
    private final long[] wh;
    private final int last;

    private EnergyCurve(long[] at, long[] wh, int size) {
        this.at = at;
        this.wh = wh;
        this.last = size - 1;
    }

    /** The curve of a session from start to stop (epoch microseconds). */
    static EnergyCurve of(MeteredSession session, long start, long stop) {
        List<EnergyReading> readings = session.readings();
        if (!inTimeOrder(readings)) {
            readings = new ArrayList<>(readings);
            readings.sort(Comparator.comparing(EnergyReading::at));
        }
        long total = session.energyWh();
        long[] at = new long[readings.size() + 2];
        long[] wh = new long[readings.size() + 2];
        at[0] = start;
        int size = 1;
        for (EnergyReading reading : readings) {
            long t = PricingEngine.micros(reading.at());
            if (t > at[size - 1] && t < stop) {
                at[size] = t;
                wh[size] = Math.min(Math.max(reading.registerWh() - session.meterStartWh(), wh[size - 1]), total);
                size++;
            }
        }
        at[size] = Math.max(stop, start);
        wh[size] = total;
        return new EnergyCurve(at, wh, size + 1);
    }

    private static boolean inTimeOrder(List<EnergyReading> readings) {
        for (int i = 1; i < readings.size(); i++) {
            if (readings.get(i).at().isBefore(readings.get(i - 1).at())) {
                return false;
            }
        }
        return true;
    }

    /** The instants of the readings kept, start and stop included. */
    long[] instants() {
        return Arrays.copyOf(at, last + 1);
    }

    /**
     * The energy delivered by instant t, rounded half-up to a whole Wh. The energy between two
     * instants is the difference of these, so the parts of a session always add up to its energy.
     */
    long whAt(long t) {
        if (t <= at[0]) {
            return 0;
        }
        if (t >= at[last]) {
            return wh[last];
        }
        int i = indexBefore(t);
        return wh[i] + Proportion.roundHalfUp(wh[i + 1] - wh[i], t - at[i], at[i + 1] - at[i]);
    }

    /** Whether, exactly, at least energy Wh has been delivered by instant t. */
    boolean reached(long t, long energy) {
        if (energy <= 0) {
            return true;
        }
        if (t >= at[last]) {
            return wh[last] >= energy;
        }
        if (t < at[0]) {
            return false;
        }
        int i = indexBefore(t);
        if (energy <= wh[i]) {
            return true;
        }
        if (energy > wh[i + 1]) {
            return false;
        }
        return Proportion.compareProducts(wh[i + 1] - wh[i], t - at[i], energy - wh[i], at[i + 1] - at[i]) >= 0;
    }

    /** The first instant (to the microsecond) by which energy Wh has been delivered; {@link #NEVER} if it never is. */
    long firstReaching(long energy) {
        if (energy <= 0) {
            return at[0];
        }
        if (energy > wh[last]) {
            return NEVER;
        }
        int i = 0;
        while (wh[i + 1] < energy) {
            i++;
        }
        return at[i] + Proportion.ceil(energy - wh[i], at[i + 1] - at[i], wh[i + 1] - wh[i]);
    }

    /** The index of the reading at or last before t, below the last. */
    private int indexBefore(long t) {
        int found = Arrays.binarySearch(at, 0, last + 1, t);
        int i = found >= 0 ? found : -found - 2;
        return Math.min(Math.max(i, 0), last - 1);
    }
}
