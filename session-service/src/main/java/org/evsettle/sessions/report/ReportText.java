package org.evsettle.sessions.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.evsettle.events.IsoInstants;

/** How the text formats of the report (CSV, the XLSX header) write times and durations. */
final class ReportText {

    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private ReportText() {
    }

    /**
     * An instant as the operator's local time with its offset: 2026-02-01T00:50:00+01:00 (what
     * {@link #LOCAL_TIME} writes, to the second). A report writes two per session, so the local time is
     * written as the UTC text of the shifted instant, as fast as event JSON writes instants, and the
     * offset put in place of its Z.
     */
    static String time(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        int offset = zone.getRules().getOffset(instant).getTotalSeconds();
        String local = IsoInstants.format(Instant.ofEpochSecond(instant.getEpochSecond() + offset));
        if (offset % 60 != 0 || local.length() != 20) {
            return LOCAL_TIME.format(local(instant, zone)); // a historic offset with seconds, a year of five digits
        }
        if (offset == 0) {
            return local;
        }
        int minutes = Math.abs(offset) / 60;
        return local.substring(0, 19) + (offset < 0 ? '-' : '+') + two(minutes / 60) + ':' + two(minutes % 60);
    }

    static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime();
    }

    /** Seconds as hours, minutes and seconds: 5700 is 1:35:00; hours may exceed 24. */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long s = Math.abs(seconds);
        return (seconds < 0 ? "-" : "") + s / 3600 + ":" + two(s % 3600 / 60) + ":" + two(s % 60);
    }

    private static String two(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
