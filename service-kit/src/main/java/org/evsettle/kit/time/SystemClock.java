package org.evsettle.kit.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock every service reads "now" from: UTC. Dates people read are taken from it in the
 * operator's zone ({@code OperatorZone.today}); tests may replace it.
 */
public class SystemClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
