package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.events.tariffs.PriceLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the pricing rule over many generated sessions and tariffs (a seeded generator: a
 * failing seed is reported and replays exactly). Sessions start in any zone on any day, often on a
 * DST change day, run up to 30 hours and carry up to 40 samples; tariffs cut the day into
 * time-of-use windows with random days and dates. The reference for where energy and time belong is
 * an independent minute-by-minute walk in {@link ZonedDateTime}.
 */
class PricingPropertiesTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Amsterdam"), ZoneId.of("Europe/Amsterdam"),
            ZoneId.of("Europe/Brussels"), ZoneId.of("Europe/London"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("UTC"));
    private static final BigDecimal CENT = new BigDecimal("0.01");

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void energyOfWindowsThatCoverTheDayAddsUpToTheSessionEnergy(long seed) {
        Random random = new Random(seed);
        ZoneId zone = pick(random, ZONES);
        Generated session = session(random, zone);
        List<TariffComponent> components = new ArrayList<>();
        List<Integer> edges = dayEdges(random, 1 + random.nextInt(5));
        for (int i = 0; i < edges.size(); i++) {
            TariffComponent energy = Components.energy(price(random));
            boolean fallback = i == 0 && random.nextBoolean();
            components.add(fallback ? energy : energy.restrictedTo(When.between(time(edges.get(i)),
                    time(edges.get((i + 1) % edges.size()))).build()));
        }
        if (edges.size() == 1) {
            components.set(0, Components.energy(price(random)));
        }

        Price price = PricingEngine.of(new TariffTerms("EUR", Components.VAT_21, zone, components)).price(session.metered);

        BigDecimal total = price.lines().stream().map(PriceLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).as("seed %d", seed).isEqualByComparingTo(PricingEngine.kWh(session.metered.energyWh()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void putsEnergyAndTimeInTheWindowsAMinuteByMinuteWalkFinds(long seed) {
        Random random = new Random(seed);
        ZoneId zone = pick(random, ZONES);
        Generated session = session(random, zone);
        List<TariffComponent> components = timeOfUse(random, ComponentType.ENERGY);
        components.addAll(timeOfUse(random, ComponentType.TIME));
        TariffTerms terms = new TariffTerms("EUR", Components.VAT_21, zone, components);

        Price price = PricingEngine.of(terms).price(session.metered);

        Reference reference = Reference.walk(session, terms);
        for (int i = 0; i < components.size(); i++) {
            String description = components.get(i).description();
            BigDecimal expected = components.get(i).type() == ComponentType.ENERGY
                    ? BigDecimal.valueOf(Math.round(reference.energyWh[i]), 3)
                    : BigDecimal.valueOf(reference.minutes[i]).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
            BigDecimal tolerance = components.get(i).type() == ComponentType.ENERGY
                    ? BigDecimal.valueOf(reference.runs[i] + 1L, 3) : BigDecimal.ZERO;
            BigDecimal actual = price.lines().stream().filter(l -> l.description().equals(description))
                    .map(PriceLine::quantity).findFirst().orElse(null);
            if (reference.minutesApplied[i] == 0) {
                assertThat(actual).as("seed %d: %s never applies", seed, description).isNull();
            } else {
                assertThat(actual).as("seed %d: %s", seed, description).isNotNull();
                assertThat(actual.subtract(expected).abs()).as("seed %d: %s is %s, walk says %s", seed, description,
                        actual, expected).isLessThanOrEqualTo(tolerance);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cuttingASessionInTwoChangesItsPriceByNoMoreThanACentPerLine(long seed) {
        Random random = new Random(seed);
        ZoneId zone = pick(random, ZONES);
        Generated generated = session(random, zone);
        List<TariffComponent> components = timeOfUse(random, ComponentType.ENERGY);
        components.addAll(timeOfUse(random, ComponentType.TIME));
        PricingEngine engine = PricingEngine.of(new TariffTerms("EUR", Components.VAT_21, zone, components));
        long minutes = Duration.between(generated.metered.startedAt(), generated.metered.stoppedAt()).toMinutes();
        Instant at = generated.metered.startedAt().plus(Duration.ofMinutes(random.nextLong(minutes + 1)));
        // both parts share the register at the cut, so the whole is priced with that sample too
        Generated whole = generated.withSampleAt(at);

        Price once = engine.price(whole.metered);
        Price first = engine.price(whole.before(at));
        Price second = engine.price(whole.after(at));

        BigDecimal split = first.netAmount().add(second.netAmount());
        assertThat(split.subtract(once.netAmount()).abs()).as("seed %d: whole %s, cut at %s: %s + %s", seed,
                once.netAmount(), at, first.netAmount(), second.netAmount())
                .isLessThanOrEqualTo(CENT.multiply(BigDecimal.valueOf(once.lines().size())));
        for (PriceLine line : once.lines()) {
            if (line.component().equals("ENERGY")) {
                assertThat(quantity(first, line.description()).add(quantity(second, line.description())))
                        .as("seed %d: %s", seed, line.description()).isEqualByComparingTo(line.quantity());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void keepsEveryLineAndTotalConsistent(long seed) {
        Random random = new Random(seed);
        ZoneId zone = pick(random, ZONES);
        Generated generated = session(random, zone);
        long connected = Duration.between(generated.metered.startedAt(), generated.metered.stoppedAt()).toSeconds();
        long idle = connected == 0 ? 0 : random.nextLong(connected + 1);
        long charging = connected == 0 ? 0 : random.nextLong(connected - idle + 1);
        Generated session = random.nextInt(4) == 0 ? generated.withDurations(null)
                : generated.withDurations(new SessionDurations(connected, charging, idle));
        List<TariffComponent> components = new ArrayList<>(timeOfUse(random, ComponentType.ENERGY));
        if (random.nextBoolean()) {
            components.add(Components.startFee(price(random)));
        }
        if (random.nextBoolean()) {
            components.add(random.nextBoolean() ? Components.chargingTime(price(random))
                    : Components.connectedTime(price(random)));
        }
        if (random.nextBoolean()) {
            components.add(Components.idleFee(price(random), random.nextInt(60),
                    random.nextBoolean() ? null : random.nextInt(20) + ".00"));
        }
        BigDecimal min = random.nextBoolean() ? new BigDecimal(random.nextInt(500)).movePointLeft(2) : null;
        BigDecimal max = random.nextBoolean() ? new BigDecimal(500 + random.nextInt(5000)).movePointLeft(2) : null;
        if (min != null) {
            components.add(TariffComponent.of(ComponentType.MIN_PRICE, min));
        }
        if (max != null) {
            components.add(TariffComponent.of(ComponentType.MAX_PRICE, max));
        }
        BigDecimal vatRate = new BigDecimal(random.nextInt(2500)).movePointLeft(4);

        Price price = PricingEngine.of(new TariffTerms("EUR", vatRate, zone, components)).price(session.metered);

        BigDecimal sum = price.lines().stream().map(PriceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(price.netAmount()).as("seed %d", seed).isEqualByComparingTo(sum);
        assertThat(price.vatAmount()).isEqualTo(price.netAmount().multiply(vatRate).setScale(2, RoundingMode.HALF_UP));
        assertThat(price.grossAmount()).isEqualTo(price.netAmount().add(price.vatAmount()));
        for (PriceLine line : price.lines()) {
            assertThat(line.quantity().signum()).as("seed %d: %s", seed, line).isNotNegative();
            boolean adjusting = line.component().equals("MIN_PRICE") || line.component().equals("MAX_PRICE");
            boolean capped = line.description().contains("capped at");
            if (line.component().equals("IDLE_FEE")) {
                BigDecimal cap = components.stream().filter(c -> c.type() == ComponentType.IDLE_FEE).findFirst()
                        .map(TariffComponent::cap).orElse(null);
                assertThat(cap == null || line.amount().compareTo(cap) <= 0).as("seed %d: %s", seed, line).isTrue();
            }
            if (!adjusting && !capped) {
                assertThat(line.amount()).as("seed %d: %s", seed, line)
                        .isEqualTo(line.quantity().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP));
            }
        }
        if (min != null) {
            assertThat(price.netAmount()).as("seed %d", seed).isGreaterThanOrEqualTo(min.setScale(2, RoundingMode.HALF_UP));
        }
        if (max != null) {
            assertThat(price.netAmount()).as("seed %d", seed).isLessThanOrEqualTo(max.setScale(2, RoundingMode.HALF_UP));
        }
    }

    /** A generated session: the priced form and its readings as exact register values. */
    private record Generated(MeteredSession metered, List<EnergyReading> points) {

        /** The same session with a sample at an instant: the register there, as the engine rounds it. */
        Generated withSampleAt(Instant at) {
            if (!at.isAfter(metered.startedAt()) || !at.isBefore(metered.stoppedAt())
                    || points.stream().anyMatch(r -> r.at().equals(at))) {
                return this;
            }
            List<EnergyReading> readings = new ArrayList<>(points.stream().filter(r -> r.at().isBefore(at)).toList());
            readings.add(new EnergyReading(at, registerAt(at)));
            readings.addAll(points.stream().filter(r -> r.at().isAfter(at)).toList());
            return new Generated(new MeteredSession(metered.startedAt(), metered.stoppedAt(), metered.meterStartWh(),
                    metered.meterStopWh(), readings, metered.durations()), readings);
        }

        /** The same session with other durations. */
        Generated withDurations(SessionDurations durations) {
            return new Generated(new MeteredSession(metered.startedAt(), metered.stoppedAt(), metered.meterStartWh(),
                    metered.meterStopWh(), metered.readings(), durations), points);
        }

        /** The part up to an instant: the readings before it and the register there, as the engine rounds it. */
        MeteredSession before(Instant at) {
            List<EnergyReading> readings = new ArrayList<>(points.stream().filter(r -> r.at().isBefore(at)).toList());
            long register = registerAt(at);
            readings.add(new EnergyReading(at, register));
            return new MeteredSession(metered.startedAt(), at, metered.meterStartWh(), register, readings,
                    null);
        }

        MeteredSession after(Instant at) {
            List<EnergyReading> readings = new ArrayList<>();
            long register = registerAt(at);
            readings.add(new EnergyReading(at, register));
            readings.addAll(points.stream().filter(r -> r.at().isAfter(at)).toList());
            return new MeteredSession(at, metered.stoppedAt(), register, metered.meterStopWh(), readings, null);
        }

        /** The register at an instant, rounded half-up to a whole Wh, from the straight line between readings. */
        long registerAt(Instant at) {
            EnergyReading before = points.get(0);
            for (EnergyReading reading : points) {
                if (!reading.at().isAfter(at)) {
                    before = reading;
                } else {
                    long span = Duration.between(before.at(), reading.at()).toSeconds();
                    long into = Duration.between(before.at(), at).toSeconds();
                    return before.registerWh() + BigDecimal.valueOf(reading.registerWh() - before.registerWh())
                            .multiply(BigDecimal.valueOf(into))
                            .divide(BigDecimal.valueOf(span), 0, RoundingMode.HALF_UP).longValue();
                }
            }
            return before.registerWh();
        }

        /** The register as a real number at an instant, for the reference walk. */
        double exactRegisterAt(Instant at) {
            EnergyReading before = points.get(0);
            for (EnergyReading reading : points) {
                if (!reading.at().isAfter(at)) {
                    before = reading;
                } else {
                    double span = Duration.between(before.at(), reading.at()).toSeconds();
                    double into = Duration.between(before.at(), at).toSeconds();
                    return before.registerWh() + (reading.registerWh() - before.registerWh()) * into / span;
                }
            }
            return before.registerWh();
        }
    }

    /** Where a minute-by-minute walk in local time puts a session's energy and connected time, per component. */
    private static final class Reference {
        final double[] energyWh;
        final long[] minutes;
        final long[] minutesApplied;
        final int[] runs;

        private Reference(int size) {
            energyWh = new double[size];
            minutes = new long[size];
            minutesApplied = new long[size];
            runs = new int[size];
        }

        static Reference walk(Generated session, TariffTerms terms) {
            List<TariffComponent> components = terms.components();
            Reference reference = new Reference(components.size());
            Instant start = session.metered.startedAt();
            Instant stop = session.metered.stoppedAt();
            int[] previous = new int[ComponentType.values().length];
            java.util.Arrays.fill(previous, -1);
            for (Instant at = start; at.isBefore(stop); at = at.plusSeconds(60)) {
                ZonedDateTime local = at.atZone(terms.zone());
                for (ComponentType type : List.of(ComponentType.ENERGY, ComponentType.TIME)) {
                    int chosen = choose(components, type, local);
                    if (chosen >= 0) {
                        reference.minutesApplied[chosen]++;
                        if (type == ComponentType.ENERGY) {
                            reference.energyWh[chosen] += session.exactRegisterAt(at.plusSeconds(60))
                                    - session.exactRegisterAt(at);
                        } else {
                            reference.minutes[chosen]++;
                        }
                        if (chosen != previous[type.ordinal()]) {
                            reference.runs[chosen]++;
                        }
                    }
                    previous[type.ordinal()] = chosen;
                }
            }
            if (start.equals(stop)) {
                int chosen = choose(components, ComponentType.ENERGY, start.atZone(terms.zone()));
                if (chosen >= 0) {
                    reference.minutesApplied[chosen]++;
                    reference.energyWh[chosen] += session.metered.energyWh();
                }
            }
            return reference;
        }

        private static int choose(List<TariffComponent> components, ComponentType type, ZonedDateTime local) {
            int fallback = -1;
            for (int i = 0; i < components.size(); i++) {
                TariffComponent c = components.get(i);
                if (c.type() != type) {
                    continue;
                }
                if (!c.isRestricted()) {
                    fallback = fallback < 0 ? i : fallback;
                } else if (holds(c.restrictions(), local)) {
                    return i;
                }
            }
            return fallback;
        }

        private static boolean holds(Restrictions r, ZonedDateTime local) {
            LocalDate date = local.toLocalDate();
            LocalTime time = local.toLocalTime();
            if (r.daysOfWeek() != null && !r.daysOfWeek().contains(local.getDayOfWeek())) {
                return false;
            }
            if ((r.startDate() != null && date.isBefore(r.startDate()))
                    || (r.endDate() != null && date.isAfter(r.endDate()))) {
                return false;
            }
            if (r.startTime() == null) {
                return true;
            }
            return r.startTime().isBefore(r.endTime())
                    ? !time.isBefore(r.startTime()) && time.isBefore(r.endTime())
                    : !time.isBefore(r.startTime()) || time.isBefore(r.endTime());
        }
    }

    /**
     * A session of up to 30 hours starting on a whole minute of a random day of 2026, on a DST change
     * day of its zone half the time, with up to 40 samples on whole minutes and energy in bursts.
     */
    private static Generated session(Random random, ZoneId zone) {
        Instant start;
        List<ZoneOffsetTransition> transitions = zone.getRules().getTransitions().isEmpty()
                && zone.getRules().getTransitionRules().isEmpty() ? List.of() : transitionsIn2026(zone);
        if (!transitions.isEmpty() && random.nextBoolean()) {
            start = pick(random, transitions).getInstant().minus(Duration.ofMinutes(random.nextInt(24 * 60)));
        } else {
            start = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
        }
        int minutes = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 12 * 60 : 30 * 60);
        Instant stop = start.plus(Duration.ofMinutes(minutes));
        long meterStart = random.nextInt(5_000_000);
        TreeSet<Integer> sampleMinutes = new TreeSet<>();
        int samples = minutes < 2 ? 0 : random.nextInt(41);
        for (int i = 0; i < samples; i++) {
            sampleMinutes.add(1 + random.nextInt(minutes - 1));
        }
        List<EnergyReading> points = new ArrayList<>();
        points.add(new EnergyReading(start, meterStart));
        long register = meterStart;
        for (int minute : sampleMinutes) {
            register += random.nextInt(4) == 0 ? 0 : random.nextInt(3_000);
            points.add(new EnergyReading(start.plus(Duration.ofMinutes(minute)), register));
        }
        register += minutes == 0 ? random.nextInt(100) : random.nextInt(3_000);
        points.add(new EnergyReading(stop, register));
        List<EnergyReading> readings = minutes == 0 ? List.of(points.get(0)) : points;
        MeteredSession metered = new MeteredSession(start, stop, meterStart, register, readings, minutes == 0 ? null
                : new SessionDurations(minutes * 60L, minutes * 60L, 0));
        return new Generated(metered, minutes == 0 ? List.of(points.get(0), points.get(points.size() - 1)) : points);
    }

    private static List<ZoneOffsetTransition> transitionsIn2026(ZoneId zone) {
        List<ZoneOffsetTransition> found = new ArrayList<>();
        ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        while (next != null && next.getInstant().isBefore(Instant.parse("2027-01-01T00:00:00Z"))) {
            found.add(next);
            next = zone.getRules().nextTransition(next.getInstant());
        }
        return found;
    }

    /**
     * Components of one type that never overlap: the day cut at random minutes (DST-prone 02:00-03:00
     * often among them) into windows, each with its own price and sometimes only some days or dates;
     * sometimes one unrestricted component takes whatever the windows leave.
     */
    private static List<TariffComponent> timeOfUse(Random random, ComponentType type) {
        List<TariffComponent> components = new ArrayList<>();
        if (random.nextBoolean()) {
            components.add(TariffComponent.of(type, new BigDecimal(price(random))));
        }
        List<Integer> edges = dayEdges(random, 2 + random.nextInt(4));
        for (int i = 0; i < edges.size(); i++) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            When when = When.always();
            if (random.nextBoolean()) {
                EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (random.nextBoolean()) {
                        days.add(day);
                    }
                }
                if (!days.isEmpty()) {
                    when = When.days(days.toArray(DayOfWeek[]::new));
                }
            }
            when.times(time(edges.get(i)), time(edges.get((i + 1) % edges.size())));
            if (random.nextInt(4) == 0) {
                LocalDate from = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
                when.dates(from.toString(), from.plusDays(random.nextInt(40)).toString());
            }
            components.add(TariffComponent.of(type, new BigDecimal(price(random)))
                    .restrictedTo(when.build()));
        }
        return components;
    }

    /** Distinct minutes of the day, sorted, often on the hours a DST change skips or repeats. */
    private static List<Integer> dayEdges(Random random, int count) {
        TreeSet<Integer> edges = new TreeSet<>();
        while (edges.size() < count) {
            edges.add(random.nextInt(3) == 0 ? 120 + 30 * random.nextInt(3) : random.nextInt(24 * 60));
        }
        return new ArrayList<>(edges);
    }

    private static String time(int minuteOfDay) {
        return LocalTime.ofSecondOfDay(minuteOfDay * 60L).toString();
    }

    private static String price(Random random) {
        return new BigDecimal(random.nextInt(100_000)).movePointLeft(5).toPlainString();
    }

    private static BigDecimal quantity(Price price, String description) {
        return price.lines().stream().filter(l -> l.description().equals(description)).map(PriceLine::quantity)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
