package org.evsettle.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.evsettle.events.sessions.SessionDurations;

/**
 * Divides a session's connected time (start to stop) into charging and idle time, for tariffs with
 * time and idle fees. The rule: a moment is idle when the connector's last StatusNotification at or
 * before it says SuspendedEV, SuspendedEVSE or Finishing, or when the last active import power sampled
 * in the session at or before it is at most the idle threshold; otherwise it is charging (also when the
 * charger told neither, or sent another status such as Preparing). Each sample holds until the next.
 */
public final class ChargingTime {

    /** The OCPP 1.6 connector statuses of a connected car that draws no energy. */
    public static final Set<String> IDLE_STATUSES = Set.of("SuspendedEV", "SuspendedEVSE", "Finishing");

    private ChargingTime() {
    }

    /** A StatusNotification of the session's connector, at the charger's time (or the gateway's, without one). */
    public record StatusChange(Instant at, String status) {
    }

    /** Active import power in W at one instant. */
    public record PowerReading(Instant at, long watts) {
    }

    /**
     * The durations, or null when they cannot be told (no start or stop time, or a stop before the start).
     * statuses should include the last change at or before the start, which says how the session began.
     */
    public static SessionDurations of(Instant start, Instant stop, List<StatusChange> statuses,
                                      List<PowerReading> power, long idlePowerW) {
        if (start == null || stop == null || stop.isBefore(start)) {
            return null;
        }
        List<StatusChange> byTime = statuses.stream()
                .sorted((a, b) -> a.at().compareTo(b.at())).toList();
        List<PowerReading> powerInSession = power.stream()
                .filter(p -> !p.at().isBefore(start) && p.at().isBefore(stop))
                .sorted((a, b) -> a.at().compareTo(b.at())).toList();
        Set<Instant> breaks = new TreeSet<>();
        breaks.add(start);
        byTime.stream().map(StatusChange::at).filter(at -> at.isAfter(start) && at.isBefore(stop)).forEach(breaks::add);
        powerInSession.stream().map(PowerReading::at).forEach(breaks::add);
        breaks.add(stop);

        List<Instant> points = new ArrayList<>(breaks);
        long idleMillis = 0;
        for (int i = 0; i + 1 < points.size(); i++) {
            Instant from = points.get(i);
            if (idle(statusAt(byTime, from), powerAt(powerInSession, from), idlePowerW)) {
                idleMillis += Duration.between(from, points.get(i + 1)).toMillis();
            }
        }
        long connected = Duration.between(start, stop).toSeconds();
        long idle = Math.min(connected, Math.round(idleMillis / 1000.0));
        return new SessionDurations(connected, connected - idle, idle);
    }

    private static boolean idle(String status, PowerReading power, long idlePowerW) {
        boolean statusSaysIdle = status != null && IDLE_STATUSES.contains(status);
        boolean powerSaysIdle = power != null && power.watts() <= idlePowerW;
        return statusSaysIdle || powerSaysIdle;
    }

    private static String statusAt(List<StatusChange> byTime, Instant at) {
        String status = null;
        for (StatusChange change : byTime) {
            if (change.at().isAfter(at)) {
                break;
            }
            status = change.status();
        }
        return status;
    }

    private static PowerReading powerAt(List<PowerReading> byTime, Instant at) {
        PowerReading last = null;
        for (PowerReading reading : byTime) {
            if (reading.at().isAfter(at)) {
                break;
            }
            last = reading;
        }
        return last;
    }
}
