package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.evsettle.invoices.BillingPeriod.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BillingPeriodTest {

    @ParameterizedTest(name = "{0} in {1}, {2}: {3} to {4} ({5})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-31T22:30:00Z | Europe/Amsterdam | MONTHLY   | 2026-04-01 | 2026-04-30 | 00:30 on 1 April in summer time
            2026-03-31T21:59:59Z | Europe/Amsterdam | MONTHLY   | 2026-03-01 | 2026-03-31 | the last second of March locally
            2026-03-31T22:30:00Z | UTC              | MONTHLY   | 2026-03-01 | 2026-03-31 | the same instant is still March in UTC
            2026-04-01T03:30:00Z | America/New_York | MONTHLY   | 2026-03-01 | 2026-03-31 | west of UTC the local date is earlier
            2028-02-28T23:30:00Z | Europe/Amsterdam | MONTHLY   | 2028-02-01 | 2028-02-29 | 29 February of a leap year
            2026-12-31T23:00:00Z | Europe/Amsterdam | MONTHLY   | 2027-01-01 | 2027-01-31 | midnight of New Year locally
            2026-01-11T22:30:00Z | Europe/Amsterdam | WEEKLY    | 2026-01-05 | 2026-01-11 | Sunday 23:30 local, winter time
            2026-01-11T23:00:00Z | Europe/Amsterdam | WEEKLY    | 2026-01-12 | 2026-01-18 | Monday 00:00 local starts the next week
            2026-03-29T01:30:00Z | Europe/Amsterdam | WEEKLY    | 2026-03-23 | 2026-03-29 | 03:30 just after the skipped hour
            2026-03-29T21:59:59Z | Europe/Amsterdam | WEEKLY    | 2026-03-23 | 2026-03-29 | the end of the 23-hour Sunday
            2026-03-29T22:00:00Z | Europe/Amsterdam | WEEKLY    | 2026-03-30 | 2026-04-05 | Monday 00:00 in summer time
            2026-10-25T00:30:00Z | Europe/Amsterdam | WEEKLY    | 2026-10-19 | 2026-10-25 | 02:30 summer time, the first pass of the repeated hour
            2026-10-25T01:30:00Z | Europe/Amsterdam | WEEKLY    | 2026-10-19 | 2026-10-25 | 02:30 winter time, the second pass
            2026-10-25T22:59:59Z | Europe/Amsterdam | WEEKLY    | 2026-10-19 | 2026-10-25 | the end of the 25-hour Sunday
            2026-10-25T23:00:00Z | Europe/Amsterdam | WEEKLY    | 2026-10-26 | 2026-11-01 | Monday 00:00 in winter time
            2026-12-31T12:00:00Z | Europe/Amsterdam | WEEKLY    | 2026-12-28 | 2027-01-03 | an ISO week across the year end
            2026-05-15T10:00:00Z | Europe/Amsterdam | QUARTERLY | 2026-04-01 | 2026-06-30 | mid-May is Q2
            2026-09-30T21:59:59Z | Europe/Amsterdam | QUARTERLY | 2026-07-01 | 2026-09-30 | the last second of Q3 in summer time
            2026-12-31T22:59:59Z | Europe/Amsterdam | QUARTERLY | 2026-10-01 | 2026-12-31 | 31 December 23:59:59 local is Q4
            2026-12-31T23:00:00Z | Europe/Amsterdam | QUARTERLY | 2027-01-01 | 2027-03-31 | 1 January 00:00 local is Q1
            2026-12-31T23:00:00Z | UTC              | QUARTERLY | 2026-10-01 | 2026-12-31 | the same instant is Q4 in UTC
            2026-06-30T12:00:00Z | Pacific/Auckland | QUARTERLY | 2026-07-01 | 2026-09-30 | east of UTC the local date is later
            """)
    void findsThePeriodHoldingTheLocalDateTheInstantFallsOn(Instant instant, String zone, Interval interval,
                                                            LocalDate start, LocalDate end, String why) {
        BillingPeriod period = BillingPeriod.containing(instant, ZoneId.of(zone), interval);

        assertThat(period).as(why).isEqualTo(new BillingPeriod(start, end));
        assertThat(period.contains(LocalDate.ofInstant(instant, ZoneId.of(zone)))).as(why).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Interval.class)
    void coversEveryDayOnceWithoutGapsOrOverlaps(Interval interval) {
        LocalDate last = LocalDate.of(2029, 1, 31);
        BillingPeriod previous = BillingPeriod.containing(LocalDate.of(2025, 12, 1), interval);
        for (LocalDate day = LocalDate.of(2025, 12, 2); !day.isAfter(last); day = day.plusDays(1)) {
            BillingPeriod period = BillingPeriod.containing(day, interval);
            assertThat(period.contains(day)).as("%s holds %s", period, day).isTrue();
            if (!period.equals(previous)) {
                assertThat(period.start()).as("the period after %s", previous).isEqualTo(previous.end().plusDays(1));
                assertThat(period.start()).isEqualTo(day);
            }
            previous = period;
        }
    }

    @Test
    void startsWeeksOnMondayAndEndsThemOnSunday() {
        BillingPeriod week = BillingPeriod.containing(LocalDate.of(2026, 2, 18), Interval.WEEKLY);

        assertThat(week.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(week.end().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 2, 16));
    }

    @ParameterizedTest(name = "{0}, {1}, {2} grace days: {3} to {4}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-04-06 | MONTHLY   | 5 | 2026-03-01 | 2026-03-31 | March is billable from 6 April
            2026-04-05 | MONTHLY   | 5 | 2026-02-01 | 2026-02-28 | on 5 April March is still in its grace days
            2026-04-01 | MONTHLY   | 0 | 2026-03-01 | 2026-03-31 | without grace days the day after the period
            2026-06-10 | WEEKLY    | 2 | 2026-06-01 | 2026-06-07 | the week of 1 June from Wednesday 10 June
            2026-06-09 | WEEKLY    | 2 | 2026-05-25 | 2026-05-31 | not yet on Tuesday 9 June
            2026-07-04 | QUARTERLY | 3 | 2026-04-01 | 2026-06-30 | Q2 from 4 July
            2026-01-03 | QUARTERLY | 3 | 2025-07-01 | 2025-09-30 | Q4 2025 not yet on 3 January
            """)
    void billsThePeriodWhoseGraceDaysHavePassed(LocalDate today, Interval interval, int graceDays, LocalDate start,
                                                LocalDate end, String why) {
        Operator operator = new Operator();
        operator.billingInterval = interval.name();
        operator.graceDays = graceDays;

        BillingPeriod billable = operator.latestBillablePeriod(today);

        assertThat(billable).as(why).isEqualTo(new BillingPeriod(start, end));
        assertThat(operator.billableFrom(billable)).as(why).isBeforeOrEqualTo(today);
        assertThat(operator.billableFrom(operator.periodContaining(end.plusDays(1)))).as(why).isAfter(today);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new BillingPeriod(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
