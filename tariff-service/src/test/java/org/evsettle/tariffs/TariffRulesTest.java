package org.evsettle.tariffs;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.tariffs.Components.energy;
import static org.evsettle.tariffs.Components.maximum;
import static org.evsettle.tariffs.Components.minimum;
import static org.evsettle.tariffs.Components.restricted;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules a tariff's components obey: valid restrictions, no two of one type at one moment, minimum below maximum. */
class TariffRulesTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("same window", When.between("17:00", "21:00"), When.between("17:00", "21:00"), true),
                Arguments.of("adjacent windows", When.between("07:00", "17:00"), When.between("17:00", "21:00"), false),
                Arguments.of("overlapping windows", When.between("07:00", "18:00"), When.between("17:00", "21:00"), true),
                Arguments.of("night wraps into morning", When.between("22:00", "07:00"), When.between("06:00", "09:00"),
                        true),
                Arguments.of("night and day", When.between("22:00", "07:00"), When.between("07:00", "22:00"), false),
                Arguments.of("to midnight and from midnight", When.between("18:00", "00:00"),
                        When.between("00:00", "06:00"), false),
                Arguments.of("weekdays and weekend", When.days(MONDAY, FRIDAY).times("17:00", "21:00"),
                        When.days(SATURDAY, SUNDAY).times("17:00", "21:00"), false),
                Arguments.of("weekend all day and Saturday evening", When.days(SATURDAY, SUNDAY),
                        When.days(SATURDAY).times("17:00", "21:00"), true),
                Arguments.of("summer and winter", When.always().dates("2026-04-01", "2026-09-30"),
                        When.always().dates("2026-10-01", "2027-03-31"), false),
                Arguments.of("open-ended dates that meet", When.always().dates(null, "2026-06-30"),
                        When.always().dates("2026-06-30", null), true),
                Arguments.of("Monday only, in a range without a Monday", When.days(MONDAY),
                        When.always().dates("2026-03-03", "2026-03-08"), false),
                Arguments.of("Monday only, in a range with one", When.days(MONDAY),
                        When.always().dates("2026-03-03", "2026-03-09"), true),
                Arguments.of("energy bands that meet", When.always().kWh(null, "10"), When.always().kWh("10", null),
                        false),
                Arguments.of("energy bands that overlap", When.always().kWh("5", "20"), When.always().kWh("10", null),
                        true),
                Arguments.of("duration bands apart", When.always().minutes(null, 60), When.always().minutes(60, 120),
                        false),
                Arguments.of("same band, other windows", When.between("07:00", "19:00").kWh(null, "10"),
                        When.between("19:00", "07:00").kWh(null, "10"), false),
                Arguments.of("same window, other bands", When.between("07:00", "19:00").kWh(null, "10"),
                        When.between("07:00", "19:00").kWh("10", null), false));
    }

    @ParameterizedTest(name = "{0}: overlap {3}")
    @MethodSource("pairs")
    void findsOverlapOnlyWhereSomeMomentSatisfiesBoth(String name, When one, When other, boolean overlap) {
        assertThat(one.build().overlaps(other.build())).isEqualTo(overlap);
        assertThat(other.build().overlaps(one.build())).isEqualTo(overlap);
    }

    @ParameterizedTest(name = "{0}: overlap {3}")
    @MethodSource("pairs")
    void rejectsTwoComponentsOfOneTypeThatWouldApplyAtOneMoment(String name, When one, When other, boolean overlap) {
        Optional<RuleViolation> broken = TariffTerms.violation(List.of(energy("0.30"),
                restricted(energy("0.20"), one), restricted(energy("0.45"), other)));

        assertThat(broken.map(RuleViolation::field)).isEqualTo(overlap
                ? Optional.of("components[2].restrictions") : Optional.empty());
    }

    @Test
    void allowsOneUnrestrictedComponentPerTypeBesideRestrictedOnes() {
        assertThat(TariffTerms.violation(List.of(energy("0.30"),
                restricted(energy("0.45"), When.weekdays().times("17:00", "21:00")),
                Components.startFee("0.50"), Components.chargingTime("1.00")))).isEmpty();
        assertThat(TariffTerms.violation(List.of(energy("0.30"), Components.startFee("0.50"), energy("0.35"))))
                .map(RuleViolation::field).contains("components[2]");
    }

    @Test
    void rejectsAMinimumAboveAMaximumThatAppliesToTheSameSessions() {
        assertThat(TariffTerms.violation(List.of(energy("0.30"), maximum("10"), minimum("12"))))
                .map(RuleViolation::field).contains("components[2].unitPrice");
        assertThat(TariffTerms.violation(List.of(energy("0.30"), restricted(maximum("10"), When.between("00:00", "07:00")),
                restricted(minimum("12"), When.between("07:00", "00:00"))))).isEmpty();
        assertThat(TariffTerms.violation(List.of(energy("0.30"), minimum("2"), maximum("25")))).isEmpty();
    }

    static Stream<Arguments> brokenComponents() {
        return Stream.of(
                Arguments.of(new TariffComponent(null, BigDecimal.ONE, null, null, null, null, null), "type"),
                Arguments.of(TariffComponent.of(ComponentType.ENERGY, null), "unitPrice"),
                Arguments.of(TariffComponent.of(ComponentType.ENERGY, new BigDecimal("-0.01")), "unitPrice"),
                Arguments.of(TariffComponent.of(ComponentType.ENERGY, new BigDecimal("0.123456")), "unitPrice"),
                Arguments.of(TariffComponent.of(ComponentType.ENERGY, new BigDecimal("10000000")), "unitPrice"),
                Arguments.of(new TariffComponent(ComponentType.ENERGY, BigDecimal.ONE, null, TimeBasis.CONNECTED, null,
                        null, null), "timeBasis"),
                Arguments.of(new TariffComponent(ComponentType.TIME, BigDecimal.ONE, null, null, 10, null, null),
                        "graceMinutes"),
                Arguments.of(new TariffComponent(ComponentType.ENERGY, BigDecimal.ONE, null, null, null, BigDecimal.TEN,
                        null), "cap"),
                Arguments.of(Components.idleFee("0.10", -1, null), "graceMinutes"),
                Arguments.of(Components.idleFee("0.10", 10, "-1"), "cap"),
                Arguments.of(Components.idleFee("0.10", 10, "1.005"), "cap"),
                Arguments.of(new TariffComponent(ComponentType.ENERGY, BigDecimal.ONE, "x".repeat(101), null, null, null,
                        null), "label"),
                Arguments.of(restricted(energy("1"), When.between("17:00", "17:00")), "restrictions.endTime"),
                Arguments.of(energy("1").restrictedTo(new Restrictions(LocalTime.of(17, 0), null, null, null, null, null,
                        null, null, null)), "restrictions.endTime"),
                Arguments.of(energy("1").restrictedTo(new Restrictions(LocalTime.of(17, 0, 30), LocalTime.of(18, 0),
                        null, null, null, null, null, null, null)), "restrictions.startTime"),
                Arguments.of(energy("1").restrictedTo(new Restrictions(null, null, List.of(), null, null, null, null,
                        null, null)), "restrictions.daysOfWeek"),
                Arguments.of(energy("1").restrictedTo(new Restrictions(null, null, Arrays.asList(MONDAY, null), null,
                        null, null, null, null, null)), "restrictions.daysOfWeek[1]"),
                Arguments.of(restricted(energy("1"), When.always().dates("2026-05-01", "2026-04-30")),
                        "restrictions.endDate"),
                Arguments.of(restricted(energy("1"), When.always().kWh("-1", null)), "restrictions.minKwh"),
                Arguments.of(restricted(energy("1"), When.always().kWh("0.0001", null)), "restrictions.minKwh"),
                Arguments.of(restricted(energy("1"), When.always().kWh("10", "10")), "restrictions.maxKwh"),
                Arguments.of(restricted(energy("1"), When.always().minutes(-5, null)),
                        "restrictions.minDurationMinutes"),
                Arguments.of(restricted(energy("1"), When.always().minutes(60, 30)),
                        "restrictions.maxDurationMinutes"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenComponents")
    void namesTheFieldOfTheFirstRuleAComponentBreaks(TariffComponent component, String field) {
        assertThat(component.violation()).map(RuleViolation::field).contains(field);
    }

    @Test
    void acceptsWellFormedComponentsOfEveryType() {
        List<TariffComponent> components = List.of(energy("0.35"), Components.startFee("0.50"),
                Components.connectedTime("1.20"), Components.idleFee("0.10", 15, "10.00"), minimum("2"),
                maximum("50"), restricted(energy("0.45"), When.weekdays().times("17:00", "21:00")
                        .dates("2026-01-01", "2026-12-31").kWh("0", "100").minutes(0, 600)));

        assertThat(components).allSatisfy(c -> assertThat(c.violation()).isEmpty());
        assertThat(TariffTerms.violation(components)).isEmpty();
    }

    @Test
    void describesRestrictionsAndTermsInPlainWords() {
        TariffComponent peak = restricted(energy("0.45"), When.weekdays().times("17:00", "21:00"));
        TariffComponent night = restricted(energy("0.2"), When.between("22:00", "00:00").kWh("10", null));
        TariffComponent idle = Components.idleFee("0.10", 15, "10");

        assertThat(peak.description()).isEqualTo("Energy (Monday to Friday 17:00-21:00)");
        assertThat(night.description()).isEqualTo("Energy (22:00-24:00, from 10 kWh)");
        assertThat(peak.terms("EUR")).isEqualTo("0.45000 EUR per kWh (Monday to Friday 17:00-21:00)");
        assertThat(idle.terms("EUR")).isEqualTo(
                "0.10000 EUR per minute connected without charging, after 15 free minutes, at most 10.00 EUR per session");
        assertThat(When.days(SATURDAY, SUNDAY).build().describe()).isEqualTo("Saturday, Sunday");
        assertThat(When.days(DayOfWeek.values()).build().describe()).isEqualTo("every day");
    }

    @Test
    void keepsDaysDistinctAndInWeekOrder() {
        assertThat(When.days(SUNDAY, MONDAY, SUNDAY).build().daysOfWeek()).containsExactly(MONDAY, SUNDAY);
    }
}
