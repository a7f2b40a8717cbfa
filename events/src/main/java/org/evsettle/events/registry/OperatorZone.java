package org.evsettle.events.registry;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time zone an operator's days, billing periods and times of day are read in: the IANA zone of
 * its {@link OperatorRecord}, or the platform's default while the operator names none (or one this
 * JVM does not know). Every service takes an operator's zone and its "today" from here.
 */
public final class OperatorZone {

    /** The zone of an operator that names none, and of one the registry has not told about yet. */
    public static final ZoneId DEFAULT = ZoneId.of("Europe/Amsterdam");

    private OperatorZone() {
    }

    /** The zone named, or {@link #DEFAULT} when it is absent or unknown. */
    public static ZoneId of(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return DEFAULT;
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            return DEFAULT;
        }
    }

    /** The operator's calendar date now. */
    public static LocalDate today(ZoneId zone, Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
