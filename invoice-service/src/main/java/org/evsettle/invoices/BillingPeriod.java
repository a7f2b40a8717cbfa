package org.evsettle.invoices;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The stretch of days an invoice covers, inclusive at both ends, as dates in the operator's time zone:
 * a session belongs to the period that holds the local date it started on, whatever the UTC offset.
 */
public record BillingPeriod(LocalDate start, LocalDate end) {

    /** How long an operator's billing periods are; WEEKLY weeks are ISO weeks, Monday to Sunday. */
    public enum Interval {
        WEEKLY, MONTHLY, QUARTERLY
    }

    public BillingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A billing period cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    /** The period of this interval that holds the instant, read as a local date in the zone. */
    public static BillingPeriod containing(Instant instant, ZoneId zone, Interval interval) {
        return containing(LocalDate.ofInstant(instant, zone), interval);
    }

    /** The period of this interval that holds the date. */
    public static BillingPeriod containing(LocalDate day, Interval interval) {
        return switch (interval) {
            case WEEKLY -> week(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case MONTHLY -> new BillingPeriod(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTERLY -> quarter(LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1));
        };
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    private static BillingPeriod week(LocalDate monday) {
        return new BillingPeriod(monday, monday.plusDays(6));
    }

    private static BillingPeriod quarter(LocalDate firstDay) {
        return new BillingPeriod(firstDay, firstDay.plusMonths(3).minusDays(1));
    }
}
