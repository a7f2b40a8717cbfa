package org.evsettle.sessions.zaptec;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.evsettle.kit.api.Problem;

/**
 * Checks one session of Zaptec's charge history field by field, whichever shape it came in (the API's JSON, an
 * uploaded JSON or CSV): every broken rule becomes a violation named {@code line[<n>].<Field>} with Zaptec's
 * field name, so that a file's every problem is reported at once.
 */
public final class ZaptecSessionReader {

    /** A session as read, every value still text: Zaptec's field names, an energy detail per entry. */
    public record Raw(int line, String id, String chargerId, String deviceId, String deviceName, String start,
                      String end, String energy, String userId, String userEmail, String userFullName,
                      String tokenName, List<RawDetail> details) {
    }

    /** One entry of EnergyDetails as read. */
    public record RawDetail(String timestamp, String energy) {
    }

    private ZaptecSessionReader() {
    }

    /** The session, or empty with its violations added. */
    public static Optional<ZaptecSession> check(Raw raw, List<Problem.Violation> violations) {
        int before = violations.size();
        String at = "line[" + raw.line() + "].";
        String id = text(raw.id());
        if (id == null) {
            violations.add(new Problem.Violation(at + "Id", "is required: Zaptec's session id"));
        } else if (id.length() > 100) {
            violations.add(new Problem.Violation(at + "Id", "must be at most 100 characters"));
        }
        if (text(raw.chargerId()) == null && text(raw.deviceId()) == null && text(raw.deviceName()) == null) {
            violations.add(new Problem.Violation(at + "ChargerId",
                    "or DeviceId or DeviceName is required: which charger the session was charged at"));
        }
        Instant start = instant(raw.start(), at + "StartDateTime", true, violations);
        Instant end = instant(raw.end(), at + "EndDateTime", true, violations);
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(new Problem.Violation(at + "EndDateTime", "must not be before StartDateTime (" + start + ")"));
        }
        BigDecimal energy = kwh(raw.energy(), at + "Energy", violations);
        List<ZaptecSession.EnergyDetail> details = new ArrayList<>();
        List<RawDetail> rawDetails = raw.details() == null ? List.of() : raw.details();
        for (int i = 0; i < rawDetails.size(); i++) {
            String field = at + "EnergyDetails[" + i + "]";
            Instant timestamp = instant(rawDetails.get(i).timestamp(), field + ".Timestamp", true, violations);
            BigDecimal detail = kwh(rawDetails.get(i).energy(), field + ".Energy", violations);
            if (timestamp != null && detail != null) {
                if (start != null && end != null && (timestamp.isBefore(start.minusSeconds(3600))
                        || timestamp.isAfter(end))) {
                    violations.add(new Problem.Violation(field + ".Timestamp", "must lie within the session ("
                            + start + " to " + end + ")"));
                }
                details.add(new ZaptecSession.EnergyDetail(timestamp, detail));
            }
        }
        if (violations.size() > before) {
            return Optional.empty();
        }
        details.sort(Comparator.comparing(ZaptecSession.EnergyDetail::timestamp));
        return Optional.of(new ZaptecSession(id, text(raw.chargerId()), text(raw.deviceId()),
                text(raw.deviceName()), start, end, energy, text(raw.userId()), text(raw.userEmail()),
                text(raw.userFullName()), text(raw.tokenName()), List.copyOf(details)));
    }

    /** Blank is absent. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * An instant as Zaptec writes it: ISO-8601 with an offset, or without one, which Zaptec's API means as
     * UTC ({@code 2026-01-05T18:04:11.27}).
     */
    static Instant instant(String value, String field, boolean required, List<Problem.Violation> violations) {
        String text = text(value);
        if (text == null) {
            if (required) {
                violations.add(new Problem.Violation(field, "is required"));
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                violations.add(new Problem.Violation(field, "must be a date and time such as 2026-01-05T18:04:11Z"
                        + " (without an offset: UTC), not " + text));
                return null;
            }
        }
    }

    private static BigDecimal kwh(String value, String field, List<Problem.Violation> violations) {
        String text = text(value);
        if (text == null) {
            violations.add(new Problem.Violation(field, "is required: the energy in kWh"));
            return null;
        }
        try {
            BigDecimal kwh = new BigDecimal(text);
            if (kwh.signum() < 0) {
                violations.add(new Problem.Violation(field, "must not be negative"));
                return null;
            }
            if (kwh.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                violations.add(new Problem.Violation(field, "must be at most 100000 kWh"));
                return null;
            }
            return kwh;
        } catch (NumberFormatException e) {
            violations.add(new Problem.Violation(field, "must be a number of kWh with a decimal point, such as"
                    + " 12.345, not " + text));
            return null;
        }
    }
}
