package org.evsettle.sessions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.evsettle.sessions.config.SessionRules;

/**
 * Finds open sessions whose stop has not come within the configured time (by the charger's start and
 * by the moment the start arrived, so that a start queued offline for days is not stale on arrival) and
 * holds them as STALE for an operator: a charger may never send the stop. If the stop still comes, the
 * session is judged like any other.
 */
@ApplicationScoped
public class StaleSessions {

    /** Sessions held per transaction: a backlog is worked off over a few runs, in short transactions. */
    static final int PER_RUN = 500;

    private final SessionRules rules;
    private final Clock clock;
    private final Counter held;

    public StaleSessions(SessionRules rules, Clock clock, MeterRegistry meters) {
        this.rules = rules;
        this.clock = clock;
        this.held = SessionCounters.held(meters);
    }

    // the interval's default is SessionRules'
    @Scheduled(every = "${evsettle.sessions.stale-check-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        hold(clock.instant());
    }

    /** Holds the sessions that are stale at this moment; returns how many. */
    @Transactional
    public int hold(Instant now) {
        Instant threshold = now.minus(rules.staleAfter());
        List<ChargingSession> stale = ChargingSession.<ChargingSession>find(
                        "status = ?1 and startedAt < ?2 and startReceivedAt < ?2 order by startedAt",
                        SessionStatus.ACTIVE, threshold)
                .range(0, PER_RUN - 1)
                .list();
        for (ChargingSession session : stale) {
            Anomaly anomaly = new Anomaly(AnomalyRule.STALE, "no stop " + hours(rules.staleAfter().toMinutes())
                    + " after the start (" + session.startedAt + ")");
            session.holdAsStale(anomaly);
            SessionAnomaly.found(session.id, List.of(anomaly), now);
            held.increment();
            Log.infof("Session %s on %s held: %s", session.id, session.chargePointId, anomaly.detail());
        }
        return stale.size();
    }

    private static String hours(long minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }
}
