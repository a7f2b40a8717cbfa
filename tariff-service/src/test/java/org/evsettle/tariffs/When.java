package org.evsettle.tariffs;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A builder of {@link Restrictions} for tests: {@code When.days(SATURDAY, SUNDAY).between("22:00", "07:00")}. */
final class When {

    private LocalTime startTime;
    private LocalTime endTime;
    private List<DayOfWeek> days;
    private LocalDate startDate;
    private LocalDate endDate;
    private BigDecimal minKwh;
    private BigDecimal maxKwh;
    private Integer minMinutes;
    private Integer maxMinutes;

    static When always() {
        return new When();
    }

    static When between(String start, String end) {
        return new When().times(start, end);
    }

    static When days(DayOfWeek... days) {
        When when = new When();
        when.days = List.of(days);
        return when;
    }

    static When weekdays() {
        return days(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    When times(String start, String end) {
        startTime = LocalTime.parse(start);
        endTime = LocalTime.parse(end);
        return this;
    }

    When dates(String from, String to) {
        startDate = from == null ? null : LocalDate.parse(from);
        endDate = to == null ? null : LocalDate.parse(to);
        return this;
    }

    When kWh(String from, String to) {
        minKwh = from == null ? null : new BigDecimal(from);
        maxKwh = to == null ? null : new BigDecimal(to);
        return this;
    }

    When minutes(Integer from, Integer to) {
        minMinutes = from;
        maxMinutes = to;
        return this;
    }

    Restrictions build() {
        return new Restrictions(startTime, endTime, days, startDate, endDate, minKwh, maxKwh, minMinutes, maxMinutes);
    }
}
