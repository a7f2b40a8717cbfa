package org.evsettle.tariffs.benchmark;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.events.sessions.SessionSnapshot;
import org.evsettle.tariffs.ComponentType;
import org.evsettle.tariffs.Restrictions;
import org.evsettle.tariffs.TariffComponent;
import org.evsettle.tariffs.TariffTerms;

/**
 * The workload both benchmarks price: a time-of-use tariff of three components (a base energy price,
 * a weekday peak price 17:00-21:00 and a start fee) and sessions of 1 to 8 hours on any day of 2026,
 * each with 30 meter samples, from a fixed seed so every run prices the same sessions.
 */
public final class BenchmarkSessions {

    public static final int SAMPLES = 30;
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private BenchmarkSessions() {
    }

    public static TariffTerms terms() {
        return new TariffTerms("EUR", new BigDecimal("0.21"), AMSTERDAM, components());
    }

    public static List<TariffComponent> components() {
        Restrictions peak = new Restrictions(LocalTime.of(17, 0), LocalTime.of(21, 0), List.of(DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), null, null, null, null,
                null, null);
        return List.of(
                TariffComponent.of(ComponentType.ENERGY, new BigDecimal("0.30")),
                TariffComponent.of(ComponentType.ENERGY, new BigDecimal("0.45")).restrictedTo(peak),
                TariffComponent.of(ComponentType.START_FEE, new BigDecimal("0.50")));
    }

    /** count sessions of one operator, each with its own charger and transaction. */
    public static List<SessionCompleted> sessions(int count, long seed, UUID operatorId) {
        Random random = new Random(seed);
        List<SessionCompleted> sessions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 24 * 3600));
            Duration duration = Duration.ofMinutes(60 + random.nextInt(7 * 60));
            long meterStart = random.nextInt(10_000_000);
            List<EnergyReading> readings = new ArrayList<>(SAMPLES + 2);
            readings.add(new EnergyReading(start, meterStart));
            long register = meterStart;
            long step = duration.toSeconds() / (SAMPLES + 1);
            for (int s = 1; s <= SAMPLES; s++) {
                register += random.nextInt(1_500);
                readings.add(new EnergyReading(start.plusSeconds(s * step), register));
            }
            register += random.nextInt(1_500);
            Instant stop = start.plus(duration);
            readings.add(new EnergyReading(stop, register));
            String chargePointId = "BENCH-" + (i % 1000);
            int transactionId = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            sessions.add(new SessionCompleted(SessionIds.of(chargePointId + "-" + seed, transactionId), chargePointId,
                    transactionId, 1, new SessionSnapshot(operatorId, UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), UUID.randomUUID(), "04A2B3C4D5E680", "RESIDENT"), start, stop, meterStart,
                    register, register - meterStart, "EVDisconnected", readings, null));
        }
        return sessions;
    }
}
