package org.evsettle.tariffs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a tariff component applies. Every restriction left out holds always; those given must all
 * hold. Times, days and dates are local, in the tariff's time zone: a time window is
 * [startTime, endTime) and wraps past midnight when endTime is not after startTime (22:00-07:00);
 * days and dates are those of the moment checked (so 22:00-07:00 on FRIDAY covers Friday 00:00-07:00
 * and Friday 22:00-24:00); the date range includes both ends. Energy bands [minKwh, maxKwh) count
 * the energy delivered in the session so far, duration bands [minDurationMinutes,
 * maxDurationMinutes) the time since it started. A per-session component (start fee, minimum,
 * maximum) checks times, days and dates at the session's start and the bands against the session's
 * totals.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Restrictions(
        // written as 17:00 (not 17:00:00); read in either form
        @JsonSerialize(using = ToStringSerializer.class) LocalTime startTime,
        @JsonSerialize(using = ToStringSerializer.class) LocalTime endTime,
        List<DayOfWeek> daysOfWeek,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal minKwh,
        BigDecimal maxKwh,
        Integer minDurationMinutes,
        Integer maxDurationMinutes) {

    public static final Restrictions NONE = new Restrictions(null, null, null, null, null, null, null, null, null);

    private static final int KWH_DECIMALS = 3;
    private static final int MAX_DURATION_MINUTES = 60 * 24 * 31;
    private static final BigDecimal MAX_KWH = new BigDecimal("100000");

    public Restrictions {
        if (daysOfWeek != null) {
            // distinct, Monday first; an empty list or a null day is kept as sent for violation() to report
            daysOfWeek = daysOfWeek.isEmpty() || daysOfWeek.stream().anyMatch(Objects::isNull)
                    ? Collections.unmodifiableList(new ArrayList<>(daysOfWeek))
                    : List.copyOf(EnumSet.copyOf(daysOfWeek));
        }
    }

    /** True when nothing restricts the component. */
    @JsonIgnore
    public boolean isEmpty() {
        return startTime == null && endTime == null && daysOfWeek == null && startDate == null && endDate == null
                && minKwh == null && maxKwh == null && minDurationMinutes == null && maxDurationMinutes == null;
    }

    public boolean hasTimeOfDay() {
        return startTime != null && endTime != null;
    }

    /** The days it applies on; every day when left out. */
    public Set<DayOfWeek> days() {
        return daysOfWeek == null ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(daysOfWeek);
    }

    /** The first rule these restrictions break, if any; checked where a tariff is written, so that what is stored is valid. */
    public Optional<RuleViolation> violation() {
        if (daysOfWeek != null && daysOfWeek.isEmpty()) {
            return rule("daysOfWeek", "must name at least one day; leave it out for every day");
        }
        for (int i = 0; daysOfWeek != null && i < daysOfWeek.size(); i++) {
            if (daysOfWeek.get(i) == null) {
                return rule("daysOfWeek[" + i + "]", "must be a day such as MONDAY");
            }
        }
        if ((startTime == null) != (endTime == null)) {
            return rule(startTime == null ? "startTime" : "endTime",
                    "must be given together with " + (startTime == null ? "endTime" : "startTime")
                            + "; leave both out for the whole day");
        }
        if (startTime != null) {
            if (!startTime.equals(startTime.truncatedTo(ChronoUnit.MINUTES))) {
                return rule("startTime", "must be a whole minute, such as 17:00");
            }
            if (!endTime.equals(endTime.truncatedTo(ChronoUnit.MINUTES))) {
                return rule("endTime", "must be a whole minute, such as 21:00");
            }
            if (startTime.equals(endTime)) {
                return rule("endTime", "must differ from startTime; leave both out for the whole day");
            }
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            return rule("endDate", "must not be before startDate");
        }
        Optional<RuleViolation> band = kWh("minKwh", minKwh).or(() -> kWh("maxKwh", maxKwh));
        if (band.isPresent()) {
            return band;
        }
        if (maxKwh != null && maxKwh.compareTo(minKwhOrZero()) <= 0) {
            return rule("maxKwh", "must be above minKwh (" + minKwhOrZero().toPlainString() + ")");
        }
        Optional<RuleViolation> duration = minutes("minDurationMinutes", minDurationMinutes)
                .or(() -> minutes("maxDurationMinutes", maxDurationMinutes));
        if (duration.isPresent()) {
            return duration;
        }
        if (maxDurationMinutes != null && maxDurationMinutes <= (minDurationMinutes == null ? 0 : minDurationMinutes)) {
            return rule("maxDurationMinutes", "must be above minDurationMinutes");
        }
        return Optional.empty();
    }

    private static Optional<RuleViolation> kWh(String field, BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > KWH_DECIMALS || value.compareTo(MAX_KWH) > 0) {
            return rule(field, "must be from 0 to " + MAX_KWH + " kWh with at most " + KWH_DECIMALS + " decimals");
        }
        return Optional.empty();
    }

    private static Optional<RuleViolation> minutes(String field, Integer value) {
        if (value != null && (value < 0 || value > MAX_DURATION_MINUTES)) {
            return rule(field, "must be from 0 to " + MAX_DURATION_MINUTES + " minutes");
        }
        return Optional.empty();
    }

    private static Optional<RuleViolation> rule(String field, String rule) {
        return Optional.of(new RuleViolation(field, rule));
    }

    private BigDecimal minKwhOrZero() {
        return minKwh == null ? BigDecimal.ZERO : minKwh;
    }

    /**
     * Whether some moment satisfies both these and the other restrictions: then two components of
     * one type restricted this way would both apply, which is ambiguous.
     */
    public boolean overlaps(Restrictions other) {
        LocalDate from = later(startDate, other.startDate);
        LocalDate to = earlier(endDate, other.endDate);
        if (from != null && to != null && to.isBefore(from)) {
            return false;
        }
        Set<DayOfWeek> days = days();
        days.retainAll(other.days());
        if (from != null && to != null && ChronoUnit.DAYS.between(from, to) < 6) {
            Set<DayOfWeek> inRange = EnumSet.noneOf(DayOfWeek.class);
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                inRange.add(d.getDayOfWeek());
            }
            days.retainAll(inRange);
        }
        return !days.isEmpty()
                && timesOverlap(other)
                && bandsOverlap(minKwh, maxKwh, other.minKwh, other.maxKwh)
                && bandsOverlap(decimal(minDurationMinutes), decimal(maxDurationMinutes),
                        decimal(other.minDurationMinutes), decimal(other.maxDurationMinutes));
    }

    private boolean timesOverlap(Restrictions other) {
        if (!hasTimeOfDay() || !other.hasTimeOfDay()) {
            return true;
        }
        for (int[] mine : secondsOfDay()) {
            for (int[] theirs : other.secondsOfDay()) {
                if (mine[0] < theirs[1] && theirs[0] < mine[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The time window as one or two [from, to) intervals in seconds of the day. */
    private List<int[]> secondsOfDay() {
        int from = startTime.toSecondOfDay();
        int to = endTime.toSecondOfDay();
        List<int[]> intervals = new ArrayList<>();
        if (from < to) {
            intervals.add(new int[] {from, to});
        } else {
            intervals.add(new int[] {from, 86_400});
            if (to > 0) {
                intervals.add(new int[] {0, to});
            }
        }
        return intervals;
    }

    private static boolean bandsOverlap(BigDecimal min1, BigDecimal max1, BigDecimal min2, BigDecimal max2) {
        BigDecimal from = min1 == null ? min2 : (min2 == null ? min1 : min1.max(min2));
        BigDecimal to = max1 == null ? max2 : (max2 == null ? max1 : max1.min(max2));
        return to == null || (from == null ? to.signum() > 0 : from.compareTo(to) < 0);
    }

    private static BigDecimal decimal(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : (b == null || a.isAfter(b) ? a : b);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : (b == null || a.isBefore(b) ? a : b);
    }

    /** The restrictions in plain words: "Monday to Friday 17:00-21:00, from 10 kWh". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        String days = daysOfWeek == null ? null : describeDays();
        String times = !hasTimeOfDay() ? null
                : startTime + "-" + (endTime.equals(LocalTime.MIDNIGHT) ? "24:00" : endTime.toString());
        if (days != null || times != null) {
            parts.add(days == null ? times : (times == null ? days : days + " " + times));
        }
        if (startDate != null && endDate != null) {
            parts.add("from " + startDate + " to " + endDate);
        } else if (startDate != null) {
            parts.add("from " + startDate);
        } else if (endDate != null) {
            parts.add("until " + endDate);
        }
        if (minKwh != null || maxKwh != null) {
            parts.add(band(minKwh == null ? null : minKwh.stripTrailingZeros().toPlainString(),
                    maxKwh == null ? null : maxKwh.stripTrailingZeros().toPlainString(), "kWh"));
        }
        if (minDurationMinutes != null || maxDurationMinutes != null) {
            parts.add(band(minDurationMinutes == null ? null : minDurationMinutes.toString(),
                    maxDurationMinutes == null ? null : maxDurationMinutes.toString(), "min"));
        }
        return String.join(", ", parts);
    }

    private String describeDays() {
        List<DayOfWeek> days = daysOfWeek;
        boolean consecutive = days.size() > 2;
        for (int i = 1; i < days.size(); i++) {
            consecutive &= days.get(i).getValue() == days.get(i - 1).getValue() + 1;
        }
        if (days.size() == 7) {
            return "every day";
        }
        if (consecutive) {
            return name(days.get(0)) + " to " + name(days.get(days.size() - 1));
        }
        return String.join(", ", days.stream().map(Restrictions::name).toList());
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String band(String from, String to, String unit) {
        if (from != null && to != null) {
            return "from " + from + " to " + to + " " + unit;
        }
        return from != null ? "from " + from + " " + unit : "up to " + to + " " + unit;
    }
}
