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
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.events.sessions.SessionSnapshot;

/** A builder of completed sessions for tests: {@code aSession(s -> s.energyWh(12_340))}. */
final class Sessions {

    static final long METER_START_WH = 1_234_000;

    UUID operatorId = UUID.randomUUID();
    UUID siteId = UUID.randomUUID();
    UUID chargerId = UUID.randomUUID();
    UUID driverId = UUID.randomUUID();
    String userType = "RESIDENT";
    long energyWh = 12_340;
    Instant startedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Duration duration = Duration.ofMinutes(90);
    String chargePointId = "ZAP-" + UUID.randomUUID().toString().substring(0, 8);
    int transactionId = ThreadLocalRandom.current().nextInt(1, 1_000_000);
    List<EnergyReading> samples = List.of();
    SessionDurations durations;

    private Sessions() {
    }

    static SessionCompleted aSession(Consumer<Sessions> changes) {
        Sessions session = new Sessions();
        changes.accept(session);
        return session.build();
    }

    /** The same session corrected: a new revision with the facts the changes give. */
    static SessionCorrected aCorrection(SessionCompleted session, int revision, Consumer<Sessions> changes) {
        Sessions corrected = new Sessions();
        corrected.operatorId = session.snapshot().operatorId();
        corrected.siteId = session.snapshot().siteId();
        corrected.chargerId = session.snapshot().chargerId();
        corrected.driverId = session.snapshot().driverId();
        corrected.userType = session.snapshot().userType();
        corrected.energyWh = session.energyWh();
        corrected.startedAt = session.startedAt();
        corrected.duration = Duration.between(session.startedAt(), session.stoppedAt());
        corrected.chargePointId = session.chargePointId();
        corrected.transactionId = session.transactionId();
        changes.accept(corrected);
        return new SessionCorrected(session.sessionId(), revision, corrected.build(), "meter stop corrected",
                "operator-admin", Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The session still charging at a 2.0.1 station, as of its stop: stopped there, with no stop reason. */
    static SessionProgressed aProgress(SessionCompleted soFar, String stationTransactionId) {
        return new SessionProgressed(soFar.sessionId(), stationTransactionId, new SessionCompleted(soFar.sessionId(),
                soFar.chargePointId(), soFar.transactionId(), soFar.connectorId(), soFar.snapshot(), soFar.startedAt(),
                soFar.stoppedAt(), soFar.meterStartWh(), soFar.meterStopWh(), soFar.energyWh(), null, soFar.readings(),
                soFar.durations()));
    }

    Sessions operatorId(UUID value) {
        operatorId = value;
        return this;
    }

    Sessions siteId(UUID value) {
        siteId = value;
        return this;
    }

    Sessions chargerId(UUID value) {
        chargerId = value;
        return this;
    }

    Sessions chargePointId(String value) {
        chargePointId = value;
        return this;
    }

    Sessions transactionId(int value) {
        transactionId = value;
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

    Sessions duration(Duration value) {
        duration = value;
        return this;
    }

    /** Register samples between start and stop, as Wh delivered since the start at minutes into the session. */
    Sessions samples(List<EnergyReading> value) {
        samples = value;
        return this;
    }

    Sessions durations(SessionDurations value) {
        durations = value;
        return this;
    }

    private SessionCompleted build() {
        Instant stoppedAt = startedAt.plus(duration);
        List<EnergyReading> readings = new java.util.ArrayList<>();
        readings.add(new EnergyReading(startedAt, METER_START_WH));
        samples.forEach(s -> readings.add(new EnergyReading(s.at(), METER_START_WH + s.registerWh())));
        readings.add(new EnergyReading(stoppedAt, METER_START_WH + energyWh));
        return new SessionCompleted(SessionIds.of(chargePointId, transactionId), chargePointId, transactionId, 1,
                new SessionSnapshot(operatorId, siteId, chargerId, UUID.randomUUID(), driverId, "04A2B3C4D5E680",
                        userType),
                startedAt, stoppedAt, METER_START_WH, METER_START_WH + energyWh, energyWh, "EVDisconnected",
                readings, durations);
    }
}
