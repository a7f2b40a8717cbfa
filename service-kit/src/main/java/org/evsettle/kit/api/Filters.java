package org.evsettle.kit.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How every list reads its filter parameters: an enum in any case, a date as {@code 2026-03-01} (a
 * calendar date in the operator's time zone, which the list turns into instants); a value that does
 * not parse answers 400 naming the parameter and what it may be. Absent or blank is no filter (null).
 */
public final class Filters {

    private Filters() {
    }

    public static <E extends Enum<E>> E oneOf(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.trim();
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", "))));
    }

    public static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(parameter, "must be a date like 2026-03-01");
        }
    }

    /** A from/to pair of dates, both inclusive: to may not be before from. */
    public static void requireOrdered(String fromParameter, LocalDate from, String toParameter, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw DomainException.invalid(toParameter, "must not be before " + fromParameter);
        }
    }
}
