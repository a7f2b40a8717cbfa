package org.evsettle.tariffs;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.events.sessions.SessionSnapshot;

/** A builder of completed sessions for tests: {@code aSession(s -> s.energyWh(12_340))}. */
final class Sessions {

    UUID operatorId = UUID.randomUUID();
    UUID driverId = UUID.randomUUID();
    String userType = "RESIDENT";
    long energyWh = 12_340;
    Instant startedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Duration duration = Duration.ofMinutes(90);
    String chargePointId = "ZAP-" + UUID.randomUUID().toString().substring(0, 8);
    int transactionId = ThreadLocalRandom.current().nextInt(1, 1_000_000);

    private Sessions() {
    }

    static SessionCompleted aSession(Consumer<Sessions> changes) {
        Sessions session = new Sessions();
        changes.accept(session);
        return session.build();
    }

    Sessions operatorId(UUID value) {
        operatorId = value;
        return this;
    }

    Sessions driverId(UUID value) {
        driverId = value;
        return this;
    }

    Sessions userType(String value) {
        userType = value;
        return this;
    }

    Sessions energyWh(long value) {
        energyWh = value;
        return this;
    }

    Sessions startedAt(Instant value) {
        startedAt = value;
        return this;
    }

    private SessionCompleted build() {
        long meterStartWh = 1_234_000;
        Instant stoppedAt = startedAt.plus(duration);
        return new SessionCompleted(SessionIds.of(chargePointId, transactionId), chargePointId, transactionId, 1,
                new SessionSnapshot(operatorId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), driverId,
                        "04A2B3C4D5E680", userType),
                startedAt, stoppedAt, meterStartWh, meterStartWh + energyWh, energyWh, "EVDisconnected",
                List.of(new EnergyReading(startedAt, meterStartWh), new EnergyReading(stoppedAt, meterStartWh + energyWh)), null);
    }
}
