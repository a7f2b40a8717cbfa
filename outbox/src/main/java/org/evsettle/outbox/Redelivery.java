package org.evsettle.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * How a consumer handles an event it could not apply (database unreachable, a lock timeout): it
 * tries again with growing pauses and does not move past the event, so nothing is skipped and the
 * order per key holds. A record stuck this way makes the channel unhealthy after a minute (the
 * throttled commit strategy), which is the alarm. On shutdown it gives up, uncommitted, and the
 * next start receives the event again.
 */
@ApplicationScoped
public class Redelivery {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public void untilApplied(String what, Runnable apply) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                apply.run();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                Log.warnf("Could not apply %s (attempt %d), retrying in %d ms: %s", what, attempt, pause.toMillis(),
                        e.toString());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
