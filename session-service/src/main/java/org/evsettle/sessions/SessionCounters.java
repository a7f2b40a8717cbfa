package org.evsettle.sessions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What becomes of sessions, counted rather than logged line by line (thousands an hour): sessions
 * announced as completed ({@code evsettle_sessions_completed_total}) and sessions held for an operator
 * ({@code evsettle_sessions_held_total}), by the anomaly rules or as stale.
 */
public final class SessionCounters {

    private SessionCounters() {
    }

    public static Counter completed(MeterRegistry meters) {
        return Counter.builder("evsettle.sessions.completed")
                .description("Sessions announced with SessionCompleted, by the charger's reports or an operator's decision")
                .register(meters);
    }

    public static Counter held(MeterRegistry meters) {
        return Counter.builder("evsettle.sessions.held")
                .description("Sessions held for an operator: an anomaly rule found something, or no stop came")
                .register(meters);
    }
}
