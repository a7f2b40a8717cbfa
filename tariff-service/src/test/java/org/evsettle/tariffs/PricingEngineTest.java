package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evsettle.tariffs.Components.AMSTERDAM;
import static org.evsettle.tariffs.Components.chargingTime;
import static org.evsettle.tariffs.Components.connectedTime;
import static org.evsettle.tariffs.Components.energy;
import static org.evsettle.tariffs.Components.idleFee;
import static org.evsettle.tariffs.Components.maximum;
import static org.evsettle.tariffs.Components.minimum;
import static org.evsettle.tariffs.Components.restricted;
import static org.evsettle.tariffs.Components.startFee;
import static org.evsettle.tariffs.Components.terms;
import static org.evsettle.tariffs.Sessions.aSession;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.events.tariffs.PriceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pricing rule, case by case: rounding edges, time-of-use windows across midnight, DST changes
 * and window edges, pro rata energy between samples, bands, time and idle fees, minimum and maximum.
 */
class PricingEngineTest {

    private static final TariffTerms PEAK_AND_BASE = terms(
            energy("0.30"),
            restricted(energy("0.45"), When.weekdays().times("17:00", "21:00")));

    @ParameterizedTest(name = "{0} Wh at {1}/kWh, start fee {2}, VAT {3} -> energy {4}, net {5}, VAT {6}, gross {7}")
    @CsvSource(nullValues = "-", textBlock = """
            # energyWh, kWh price, start fee, VAT rate, energy line, net,  VAT,  gross
              12340,    0.35,      -,         0.21,     4.32,        4.32, 0.91, 5.23
              12340,    0.35,      0.50,      0.21,     4.32,        4.82, 1.01, 5.83
              1,        0.35,      -,         0.21,     0.00,        0.00, 0.00, 0.00
              1,        5.00,      -,         0.21,     0.01,        0.01, 0.00, 0.01
              0,        0.35,      0.50,      0.21,     0.00,        0.50, 0.11, 0.61
              14300,    0.35,      -,         0.21,     5.01,        5.01, 1.05, 6.06
              14290,    0.35,      -,         0.21,     5.00,        5.00, 1.05, 6.05
              10000,    0.12345,   -,         0.21,     1.23,        1.23, 0.26, 1.49
              10000,    0.12355,   -,         0.21,     1.24,        1.24, 0.26, 1.50
              12340,    0.35,      0.50,      0.09,     4.32,        4.82, 0.43, 5.25
              12340,    0.35,      0.50,      0,        4.32,        4.82, 0.00, 4.82
              20000,    0.00,      0.00,      0.21,     0.00,        0.00, 0.00, 0.00
              -,        -,         0.50,      0.21,     -,           0.50, 0.11, 0.61
            """)
    void pricesEnergyAndStartFeeRoundedHalfUpToCents(Long energyWh, BigDecimal kWhPrice, BigDecimal startFee,
                                                      BigDecimal vatRate, BigDecimal energyAmount, BigDecimal net,
                                                      BigDecimal vat, BigDecimal gross) {
        List<TariffComponent> components = new ArrayList<>();
        if (kWhPrice != null) {
            components.add(TariffComponent.of(ComponentType.ENERGY, kWhPrice));
        }
        if (startFee != null) {
            components.add(TariffComponent.of(ComponentType.START_FEE, startFee));
        }
        SessionCompleted session = aSession(s -> s.energyWh(energyWh == null ? 12_340 : energyWh));

        Price price = PricingEngine.price(session, new TariffTerms("EUR", vatRate, AMSTERDAM, components));

        if (energyAmount != null) {
            assertThat(price.lines().get(0).amount()).isEqualTo(energyAmount);
        }
        assertThat(price.netAmount()).isEqualTo(net);
        assertThat(price.vatAmount()).isEqualTo(vat);
        assertThat(price.grossAmount()).isEqualTo(gross);
        assertThat(price.vatRate()).isEqualTo(vatRate);
        assertThat(price.lines()).hasSize(components.size());
    }

    @Test
    void writesALinePerComponentWithQuantityUnitAndUnitPrice() {
        SessionCompleted session = aSession(s -> s.energyWh(12_340));

        Price price = PricingEngine.price(session, terms(startFee("0.5"), energy("0.35")));

        assertThat(price.currency()).isEqualTo("EUR");
        assertThat(price.lines()).containsExactly(
                new PriceLine("START_FEE", "Start fee", BigDecimal.ONE, "session", new BigDecimal("0.50000"),
                        new BigDecimal("0.50")),
                new PriceLine("ENERGY", "Energy", new BigDecimal("12.340"), "kWh", new BigDecimal("0.35000"),
                        new BigDecimal("4.32")));
    }

    @Test
    void showsEnergyAsKwhWithThreeDecimals() {
        Price price = PricingEngine.price(aSession(s -> s.energyWh(1)), terms(energy("0.35")));

        assertThat(price.lines().get(0).quantity()).hasToString("0.001");
    }

    @ParameterizedTest(name = "{0} to {1}, {2} Wh -> peak {3} kWh, base {4} kWh, net {5}")
    @CsvSource(nullValues = "-", textBlock = """
            # local start (Amsterdam), local stop,   energyWh, peak kWh, base kWh, net
              2026-03-02T16:00,        2026-03-02T18:00, 10000, 5.000,    5.000,    3.75
              2026-03-02T20:30,        2026-03-02T21:30,  6000, 3.000,    3.000,    2.25
              2026-03-07T16:00,        2026-03-07T18:00, 10000, -,        10.000,   3.00
              2026-03-06T20:00,        2026-03-07T02:00, 12000, 2.000,    10.000,   3.90
              2026-03-02T16:00,        2026-03-02T17:00,  4000, -,        4.000,    1.20
              2026-03-02T17:00,        2026-03-02T21:00,  4000, 4.000,    -,        1.80
              2026-03-01T23:00,        2026-03-02T18:00, 19000, 1.000,    18.000,   5.85
              2026-03-02T16:00,        2026-03-02T16:00,   500, -,        0.500,    0.15
              2026-03-02T18:00,        2026-03-02T18:00,   500, 0.500,    -,        0.23
            """)
    void splitsEnergyBetweenPeakAndBaseAtWindowEdgesAndMidnight(String start, String stop, long energyWh,
                                                                 BigDecimal peakKwh, BigDecimal baseKwh, BigDecimal net) {
        MeteredSession session = evenly(local(start), local(stop), energyWh);

        Price price = PricingEngine.of(PEAK_AND_BASE).price(session);

        assertThat(quantity(price, "Energy (Monday to Friday 17:00-21:00)")).isEqualTo(Optional.ofNullable(peakKwh));
        assertThat(quantity(price, "Energy")).isEqualTo(Optional.ofNullable(baseKwh));
        assertThat(price.netAmount()).isEqualTo(net);
    }

    @ParameterizedTest(name = "window {0}-{1}, {2} to {3}, {4} Wh -> in window {5} kWh, outside {6} kWh")
    @CsvSource(textBlock = """
            # window,    , UTC start,            UTC stop,             energyWh, in window, outside
            # spring forward (02:00 -> 03:00): the night 00:00-07:00 lasts 6 hours
              00:00, 07:00, 2026-03-28T21:00:00Z, 2026-03-29T06:00:00Z,  9000,    6.000,     3.000
            # fall back (03:00 -> 02:00): the night 00:00-07:00 lasts 8 hours
              00:00, 07:00, 2026-10-24T20:00:00Z, 2026-10-25T07:00:00Z, 11000,    8.000,     3.000
            # an ordinary summer night across midnight
              22:00, 07:00, 2026-06-10T18:00:00Z, 2026-06-11T06:00:00Z, 12000,    9.000,     3.000
            # 02:30-04:00 on the fall-back night: 02:30-03:00 summer time, then 02:30-04:00 winter time
              02:30, 04:00, 2026-10-25T00:00:00Z, 2026-10-25T04:00:00Z,  4000,    2.000,     2.000
            # 02:30-03:30 on the spring-forward night: 02:00-03:00 does not exist, so only 03:00-03:30
              02:30, 03:30, 2026-03-29T00:00:00Z, 2026-03-29T03:00:00Z,  3000,    0.500,     2.500
            """)
    void readsWindowsInLocalTimeAcrossDaylightSavingChanges(String from, String to, Instant start, Instant stop,
                                                           long energyWh, BigDecimal inWindow, BigDecimal outside) {
        TariffTerms night = terms(energy("0.35"), restricted(energy("0.20"), When.between(from, to)));

        Price price = PricingEngine.of(night).price(evenly(start, stop, energyWh));

        assertThat(quantity(price, "Energy (" + from + "-" + to + ")")).contains(inWindow);
        assertThat(quantity(price, "Energy")).contains(outside);
    }

    @Test
    void sharesEnergyBetweenSamplesProRataByTime() {
        Instant start = local("2026-03-02T16:00");
        // 1,000 Wh in the first half hour, 3,000 Wh from 16:30 to 17:30 (half of it after 17:00), 2,000 Wh after
        MeteredSession session = new MeteredSession(start, start.plus(Duration.ofHours(2)), 50_000, 56_000, List.of(
                new EnergyReading(start, 50_000),
                new EnergyReading(start.plus(Duration.ofMinutes(30)), 51_000),
                new EnergyReading(start.plus(Duration.ofMinutes(90)), 54_000),
                new EnergyReading(start.plus(Duration.ofMinutes(120)), 56_000)), null);

        Price price = PricingEngine.of(PEAK_AND_BASE).price(session);

        assertThat(quantity(price, "Energy")).contains(new BigDecimal("2.500"));
        assertThat(quantity(price, "Energy (Monday to Friday 17:00-21:00)")).contains(new BigDecimal("3.500"));
    }

    @Test
    void roundsProRataShareToWholeWhThatAddUpToTheSessionEnergy() {
        Instant start = local("2026-03-02T16:59:59");
        // 7 Wh over 3 seconds: 2.33 Wh before 17:00, 4.67 Wh after; whole Wh 2 and 5, together 7
        MeteredSession session = evenly(start, start.plusSeconds(3), 7);

        Price price = PricingEngine.of(PEAK_AND_BASE).price(session);

        assertThat(quantity(price, "Energy")).contains(new BigDecimal("0.002"));
        assertThat(quantity(price, "Energy (Monday to Friday 17:00-21:00)")).contains(new BigDecimal("0.005"));
    }

    @Test
    void ignoresSamplesOutsideTheSessionAndClampsOnesThatGoBackOrOvershoot() {
        Instant start = local("2026-03-02T16:00");
        MeteredSession session = new MeteredSession(start, start.plus(Duration.ofHours(2)), 1_000, 5_000, List.of(
                new EnergyReading(start.minusSeconds(600), 0),
                new EnergyReading(start.plus(Duration.ofMinutes(30)), 900),          // below meterStart: 0
                new EnergyReading(start.plus(Duration.ofMinutes(60)), 9_000),        // above meterStop: 4,000
                new EnergyReading(start.plus(Duration.ofMinutes(90)), 3_000),        // going back: stays 4,000
                new EnergyReading(start.plus(Duration.ofHours(3)), 9_999)), null);

        Price price = PricingEngine.of(PEAK_AND_BASE).price(session);

        // 16:00-16:30 nothing, 16:30-17:00 all 4,000 Wh (off-peak), then nothing more
        assertThat(quantity(price, "Energy")).contains(new BigDecimal("4.000"));
        assertThat(quantity(price, "Energy (Monday to Friday 17:00-21:00)")).contains(new BigDecimal("0.000"));
    }

    @Test
    void sortsReadingsThatArriveOutOfOrder() {
        Instant start = local("2026-03-02T16:00");
        MeteredSession session = new MeteredSession(start, start.plus(Duration.ofHours(2)), 0, 4_000, List.of(
                new EnergyReading(start.plus(Duration.ofMinutes(90)), 4_000),
                new EnergyReading(start.plus(Duration.ofMinutes(60)), 0)), null);

        Price price = PricingEngine.of(PEAK_AND_BASE).price(session);

        assertThat(quantity(price, "Energy")).contains(new BigDecimal("0.000"));
        assertThat(quantity(price, "Energy (Monday to Friday 17:00-21:00)")).contains(new BigDecimal("4.000"));
    }

    @ParameterizedTest(name = "days {0}, dates {1}..{2}: {3} -> restricted {4}")
    @CsvSource(nullValues = "-", textBlock = """
              SATURDAY SUNDAY, -,          -,          2026-03-07T10:00, 2.000
              SATURDAY SUNDAY, -,          -,          2026-03-09T10:00, -
              -,               2026-07-01, 2026-08-31, 2026-07-01T00:30, 2.000
              -,               2026-07-01, 2026-08-31, 2026-08-31T23:00, 2.000
              -,               2026-07-01, 2026-08-31, 2026-09-01T00:30, -
              -,               2026-07-01, 2026-08-31, 2026-06-30T23:30, 1.000
              MONDAY,          2026-07-01, 2026-08-31, 2026-07-06T10:00, 2.000
              MONDAY,          2026-07-01, 2026-08-31, 2026-07-07T10:00, -
            """)
    void appliesDayAndDateRestrictionsInTheLocalCalendar(String days, String from, String to, String start,
                                                         BigDecimal restrictedKwh) {
        When when = days == null ? When.always()
                : When.days(java.util.Arrays.stream(days.split(" ")).map(DayOfWeek::valueOf).toArray(DayOfWeek[]::new));
        TariffTerms terms = terms(energy("0.30"), restricted(energy("0.10"), when.dates(from, to)));
        Instant begin = local(start);

        Price price = PricingEngine.of(terms).price(evenly(begin, begin.plus(Duration.ofHours(1)), 2_000));

        assertThat(quantity(price, "Energy (" + terms.components().get(1).restrictionsOrNone().describe() + ")"))
                .isEqualTo(Optional.ofNullable(restrictedKwh));
    }

    @Test
    void pricesEnergyBandsOfTheSessionSoFar() {
        TariffTerms terms = terms(
                restricted(energy("0.40"), When.always().kWh(null, "10")),
                restricted(energy("0.30"), When.always().kWh("10", null)));
        Instant start = local("2026-03-02T09:00");

        Price price = PricingEngine.of(terms).price(evenly(start, start.plus(Duration.ofHours(5)), 25_000));

        assertThat(price.lines()).extracting(PriceLine::quantity)
                .containsExactly(new BigDecimal("10.000"), new BigDecimal("15.000"));
        assertThat(price.netAmount()).isEqualTo(new BigDecimal("8.50"));
    }

    @Test
    void chargesTimeOnlyInItsDurationBand() {
        // parking is free for two hours, then 1.20 per hour connected
        TariffTerms terms = terms(energy("0.30"),
                restricted(connectedTime("1.20"), When.always().minutes(120, null)));
        Instant start = local("2026-03-02T09:00");

        Price price = PricingEngine.of(terms).price(evenly(start, start.plus(Duration.ofMinutes(245)), 10_000));

        assertThat(price.lines().get(1)).isEqualTo(new PriceLine("TIME", "Connected time (from 120 min)",
                new BigDecimal("2.0833"), "hour", new BigDecimal("1.20000"), new BigDecimal("2.50")));
    }

    @ParameterizedTest(name = "durations {0}/{1}/{2}, {3} -> {4} hours")
    @CsvSource(nullValues = "-", textBlock = """
            # connected s, charging s, idle s, basis,     hours
              -,           -,          -,      CHARGING,  3.0000
              10800,       7200,       3600,   CHARGING,  2.0000
              10800,       7200,       3600,   CONNECTED, 3.0000
              10800,       5400,       1800,   CHARGING,  1.5000
              10800,       20000,      0,      CHARGING,  3.0000
              10800,       0,          10800,  CHARGING,  -
              10800,       1,          0,      CHARGING,  0.0003
            """)
    void countsChargingOrConnectedTimeFromTheSessionsDurations(Long connected, Long charging, Long idle,
                                                               TimeBasis basis, BigDecimal hours) {
        TariffComponent time = basis == TimeBasis.CHARGING ? chargingTime("1.20") : connectedTime("1.20");
        Instant start = local("2026-03-02T09:00");
        MeteredSession session = withDurations(evenly(start, start.plus(Duration.ofHours(3)), 10_000),
                connected == null ? null : new SessionDurations(connected, charging, idle));

        Price price = PricingEngine.of(terms(time)).price(session);

        assertThat(price.lines().stream().map(PriceLine::quantity).findFirst()).isEqualTo(Optional.ofNullable(hours));
    }

    @ParameterizedTest(name = "idle {0} s, grace {1} min, cap {2} -> {3} min, {4}")
    @CsvSource(nullValues = "-", textBlock = """
            # idle seconds, grace minutes, cap,  minutes, amount
              3600,         15,            -,    45.00,   4.50
              3600,         15,            3.00, 45.00,   3.00
              3600,         0,             -,    60.00,   6.00
              600,          15,            -,    -,       -
              900,          15,            -,    -,       -
              930,          15,            -,    0.50,    0.05
            """)
    void chargesIdleTimeAfterTheGracePeriodUpToTheCap(long idleSeconds, int grace, String cap, BigDecimal minutes,
                                                      BigDecimal amount) {
        Instant start = local("2026-03-02T09:00");
        MeteredSession session = withDurations(evenly(start, start.plus(Duration.ofHours(3)), 10_000),
                new SessionDurations(10_800, 10_800 - idleSeconds, idleSeconds));

        Price price = PricingEngine.of(terms(energy("0.30"), idleFee("0.10", grace, cap))).price(session);

        Optional<PriceLine> idle = price.lines().stream().filter(l -> l.component().equals("IDLE_FEE")).findFirst();
        assertThat(idle.map(PriceLine::quantity)).isEqualTo(Optional.ofNullable(minutes));
        assertThat(idle.map(PriceLine::amount)).isEqualTo(Optional.ofNullable(amount));
    }

    @Test
    void chargesIdleTimeOnlyWithinItsTimeWindow() {
        // the idle fee applies 08:00-20:00; the car stands idle from 19:30 to 20:30
        TariffTerms terms = terms(energy("0.30"),
                restricted(idleFee("0.10", 0, null), When.between("08:00", "20:00")));
        Instant start = local("2026-03-02T17:30");
        MeteredSession session = withDurations(evenly(start, local("2026-03-02T20:30"), 10_000),
                new SessionDurations(10_800, 7_200, 3_600));

        Price price = PricingEngine.of(terms).price(session);

        assertThat(price.lines().get(1).quantity()).isEqualTo(new BigDecimal("30.00"));
        assertThat(price.lines().get(1).amount()).isEqualTo(new BigDecimal("3.00"));
    }

    @Test
    void chargesARestrictedStartFeeByTheSessionsStart() {
        TariffTerms terms = terms(energy("0.30"), restricted(startFee("1.00"), When.weekdays().times("07:00", "19:00")));

        Price weekdayMorning = PricingEngine.of(terms).price(evenly(local("2026-03-02T08:00"),
                local("2026-03-02T21:00"), 1_000));
        Price weekdayNight = PricingEngine.of(terms).price(evenly(local("2026-03-02T19:00"),
                local("2026-03-02T21:00"), 1_000));

        assertThat(weekdayMorning.lines()).extracting(PriceLine::component).containsExactly("ENERGY", "START_FEE");
        assertThat(weekdayNight.lines()).extracting(PriceLine::component).containsExactly("ENERGY");
    }

    @ParameterizedTest(name = "{0} Wh with minimum {1} and maximum {2} -> net {3}, adjustment {4}")
    @CsvSource(nullValues = "-", textBlock = """
            # energyWh, minimum, maximum, net,   adjustment
              2000,     2.00,    -,       2.00,  1.40
              10000,    2.00,    -,       3.00,  -
              100000,   -,       25.00,   25.00, -5.00
              50000,    2.00,    25.00,   15.00, -
              0,        2.00,    25.00,   2.00,  2.00
              6667,     2.005,   -,       2.01,  0.01
            """)
    void raisesToTheMinimumAndCutsToTheMaximumWithAnAdjustingLine(long energyWh, String min, String max,
                                                                  BigDecimal net, BigDecimal adjustment) {
        List<TariffComponent> components = new ArrayList<>(List.of(energy("0.30")));
        Optional.ofNullable(min).ifPresent(m -> components.add(minimum(m)));
        Optional.ofNullable(max).ifPresent(m -> components.add(maximum(m)));
        Instant start = local("2026-03-02T09:00");

        Price price = PricingEngine.of(terms(components.toArray(TariffComponent[]::new)))
                .price(evenly(start, start.plus(Duration.ofHours(2)), energyWh));

        assertThat(price.netAmount()).isEqualTo(net);
        assertThat(price.lines().stream().map(PriceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(net);
        assertThat(price.lines().stream().skip(1).map(PriceLine::amount).findFirst())
                .isEqualTo(Optional.ofNullable(adjustment));
    }

    @Test
    void describesTheMinimumAdjustmentWithTheMinimumItRaisesTo() {
        Instant start = local("2026-03-02T09:00");

        Price price = PricingEngine.of(terms(energy("0.30"), minimum("2")))
                .price(evenly(start, start.plus(Duration.ofHours(1)), 1_000));

        assertThat(price.lines().get(1)).isEqualTo(new PriceLine("MIN_PRICE", "Minimum price 2.00 EUR",
                BigDecimal.ONE, "session", new BigDecimal("1.70000"), new BigDecimal("1.70")));
    }

    @Test
    void pricesFreeChargingAtZeroWithItsLines() {
        Instant start = local("2026-03-02T09:00");

        Price price = PricingEngine.of(terms(energy("0"), startFee("0")))
                .price(evenly(start, start.plus(Duration.ofHours(1)), 7_000));

        assertThat(price.lines()).hasSize(2);
        assertThat(price.grossAmount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void refusesToPriceNegativeEnergyOrAStopBeforeTheStart() {
        Instant start = local("2026-03-02T09:00");
        PricingEngine engine = PricingEngine.of(terms(energy("0.35")));

        assertThatThrownBy(() -> engine.price(new MeteredSession(start, start.plusSeconds(60), 100, 95, List.of(),
                null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.price(evenly(start, start.minusSeconds(60), 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pricesInTheTariffsOwnZone() {
        // 17:00-21:00 in New York is 21:00-01:00 UTC in late March (summer time there, not yet in Europe)
        TariffTerms newYork = new TariffTerms("USD", Components.VAT_21, ZoneId.of("America/New_York"),
                List.of(energy("0.30"), restricted(energy("0.45"), When.between("17:00", "21:00"))));
        Instant start = Instant.parse("2026-03-20T20:00:00Z");

        Price price = PricingEngine.of(newYork).price(evenly(start, start.plus(Duration.ofHours(2)), 2_000));

        assertThat(quantity(price, "Energy (17:00-21:00)")).contains(new BigDecimal("1.000"));
        assertThat(price.currency()).isEqualTo("USD");
    }

    private static Optional<BigDecimal> quantity(Price price, String description) {
        return price.lines().stream().filter(l -> l.description().equals(description)).map(PriceLine::quantity)
                .findFirst();
    }

    static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant();
    }

    /** A session whose energy flows evenly from start to stop. */
    static MeteredSession evenly(Instant start, Instant stop, long energyWh) {
        long meterStart = 1_234_000;
        return new MeteredSession(start, stop, meterStart, meterStart + energyWh, List.of(
                new EnergyReading(start, meterStart), new EnergyReading(stop, meterStart + energyWh)), null);
    }

    private static MeteredSession withDurations(MeteredSession session, SessionDurations durations) {
        return new MeteredSession(session.startedAt(), session.stoppedAt(), session.meterStartWh(),
                session.meterStopWh(), session.readings(), durations);
    }
}
