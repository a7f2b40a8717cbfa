package org.evsettle.sessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.evsettle.events.sessions.EnergyReading;

/**
 * The energy register over a session as pricing by time of use needs it: the start reading, the
 * samples taken in between in time order, the stop reading; one reading per instant.
 */
public final class SessionReadings {

    private SessionReadings() {
    }

    public static List<EnergyReading> of(EnergyReading start, List<EnergyReading> samples, EnergyReading stop) {
        TreeMap<Instant, EnergyReading> byInstant = new TreeMap<>();
        byInstant.put(start.at(), start);
        for (EnergyReading sample : samples) {
            // samples outside the session (a clock off, a value of the next session) say nothing about it;
            // at the start and stop instants the transaction's own readings win
            if (sample.at().isAfter(start.at()) && sample.at().isBefore(stop.at())) {
                byInstant.putIfAbsent(sample.at(), sample);
            }
        }
        byInstant.put(stop.at(), stop);
        return new ArrayList<>(byInstant.values());
    }
}
