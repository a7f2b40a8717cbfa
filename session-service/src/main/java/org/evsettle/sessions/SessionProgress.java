package org.evsettle.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.sessions.ChargingTime.PowerReading;
import org.evsettle.sessions.SessionInspector.Surroundings;
import org.evsettle.sessions.config.SessionRules;

/**
 * The running cost on an OCPP 2.0.1 station's display: a session still charging at a station whose batch of
 * charger events stored a newer energy reading is published as of its latest reading ({@link SessionProgressed});
 * nothing is billed from it. Newer: later than the latest reading stored before the batch (the start's when
 * there is none), with a register not below it, so that a redelivered or late batch publishes nothing.
 */
@ApplicationScoped
public class SessionProgress {

    /** A session the batch follows and its latest reading before the batch's samples were written. */
    public record LastSeen(ChargingSession session, EnergyReading reading) {
    }

    private final SessionRules rules;
    private final SessionInspector inspector;

    public SessionProgress(SessionRules rules, SessionInspector inspector) {
        this.rules = rules;
        this.inspector = inspector;
    }

    /** Whether a batch follows the session of this sample: a station's sample in a transaction, while switched on. */
    public boolean follows(MeterValuesSampled sampled) {
        return rules.runningCost().enabled() && sampled.transactionId() != null && sampled.station() != null;
    }

    /** Before the batch's samples are written: the latest reading of each of these still charging at a station. */
    public List<LastSeen> lastSeen(Collection<ChargingSession> sampled) {
        List<ChargingSession> charging = sampled.stream().filter(SessionProgress::chargingAtStation).toList();
        if (charging.isEmpty()) {
            return List.of();
        }
        Map<UUID, EnergyReading> latest = MeterSample.latestOf(charging.stream().map(session -> session.id).toList());
        return charging.stream().map(session -> {
            EnergyReading start = new EnergyReading(session.startedAt, session.meterStartWh);
            EnergyReading sample = latest.get(session.id);
            return new LastSeen(session, sample != null && sample.at().isAfter(start.at()) ? sample : start);
        }).toList();
    }

    /** After they are written: the progress of each session whose latest stored reading is newer than it was. */
    public List<SessionProgressed> since(List<LastSeen> lastSeen) {
        if (lastSeen.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = lastSeen.stream().map(seen -> seen.session().id).toList();
        Map<UUID, List<EnergyReading>> samples = MeterSample.ofSessions(ids);
        Map<UUID, EnergyReading> newer = new HashMap<>();
        List<ChargingSession> progressed = new ArrayList<>();
        for (LastSeen seen : lastSeen) {
            List<EnergyReading> stored = samples.getOrDefault(seen.session().id, List.of());
            EnergyReading latest = stored.isEmpty() ? null : stored.get(stored.size() - 1);
            if (latest != null && advances(latest, seen.reading())) {
                newer.put(seen.session().id, latest);
                progressed.add(seen.session());
            }
        }
        if (progressed.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PowerReading>> power = PowerSample.ofSessions(newer.keySet());
        Surroundings around = inspector.surroundings(progressed, session -> newer.get(session.id).at());
        return progressed.stream().map(session -> {
            EnergyReading latest = newer.get(session.id);
            return new SessionProgressed(session.id, session.stationTransactionId, session.soFar(latest,
                    samples.get(session.id), inspector.durations(session, latest.at(),
                            power.getOrDefault(session.id, List.of()), around)));
        }).toList();
    }

    /**
     * Started with the charger's time (without it there is nothing to count from) at a 2.0.1 station, not stopped;
     * a session held as stale too: its readings are the charger's, and it is judged once its stop is in.
     */
    private static boolean chargingAtStation(ChargingSession session) {
        return session.isOpen() && session.startedAt != null && session.stationTransactionId != null;
    }

    /** Later in time, and the register not fallen: the idle time after it may still cost. */
    private static boolean advances(EnergyReading latest, EnergyReading seen) {
        return latest.at().isAfter(seen.at()) && latest.registerWh() >= seen.registerWh();
    }
}
