package org.evsettle.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants as event JSON writes them, ISO-8601 in UTC exactly as {@link Instant#toString()} does
 * ({@code 2026-03-29T01:00:00Z}, a fraction of 3, 6 or 9 digits only when there is one), read and
 * written without a {@link java.time.format.DateTimeFormatter}: every event carries several instants
 * and a session's completion dozens, and the formatter's general parsing was a large share of what
 * decoding an event costs. The fast path reads {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:MM)}; anything
 * else (a lower-case {@code t}, a leap second, a number, a year beyond 9999) goes to Jackson's own
 * reader, so what is accepted and what is refused does not change.
 */
public final class IsoInstants {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final int[] FRACTION_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000,
            100, 10, 1};
    /** 0000-01-01T00:00:00Z and the second after 9999-12-31T23:59:59Z: the years written with four digits. */
    private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
    private static final long AFTER_FOUR_DIGIT_SECONDS = 253_402_300_800L;

    private IsoInstants() {
    }

    /** The Jackson module that reads and writes {@link Instant} this way. */
    public static SimpleModule module() {
        return new SimpleModule("iso-instants")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    /** The text of the instant, equal to {@link Instant#toString()}. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (!hasFourDigitYear(seconds)) {
            return instant.toString();
        }
        int nano = instant.getNano();
        char[] text = new char[30];
        writeDateTime(text, seconds);
        int length = 19;
        if (nano != 0) {
            text[length++] = '.';
            if (nano % 1_000_000 == 0) {
                writeDigits(text, length, nano / 1_000_000, 3);
                length += 3;
            } else if (nano % 1_000 == 0) {
                writeDigits(text, length, nano / 1_000, 6);
                length += 6;
            } else {
                writeDigits(text, length, nano, 9);
                length += 9;
            }
        }
        text[length++] = 'Z';
        return new String(text, 0, length);
    }

    /** Whether the date of these seconds since the epoch has a year of 0000 to 9999. */
    private static boolean hasFourDigitYear(long seconds) {
        return seconds >= FIRST_FOUR_DIGIT_SECOND && seconds < AFTER_FOUR_DIGIT_SECONDS;
    }

    /**
     * Writes {@code yyyy-MM-ddTHH:mm:ss} of these seconds since the epoch into the first 19 characters
     * of text; the year must have four digits.
     */
    private static void writeDateTime(char[] text, long seconds) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        writeDigits(text, 0, date.getYear(), 4);
        text[4] = '-';
        writeDigits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        writeDigits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        writeDigits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        writeDigits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        writeDigits(text, 17, secondOfDay % 60, 2);
    }

    /** Writes the value as width decimal digits, zero-padded, at the position. */
    private static void writeDigits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The instant the text names, if it has the common form {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:MM)}
     * with fields in range; null when it has another form (which the caller then reads the slow way).
     */
    public static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int position = 19;
        int nano = 0;
        if (text.charAt(position) == '.') {
            int digits = 0;
            position++;
            while (position < length && digits < 10 && isDigit(text.charAt(position))) {
                nano = nano * 10 + text.charAt(position) - '0';
                position++;
                digits++;
            }
            if (digits == 0 || digits > 9) {
                return null;
            }
            nano *= FRACTION_SCALE[digits];
        }
        int offsetSeconds;
        if (position == length - 1 && text.charAt(position) == 'Z') {
            offsetSeconds = 0;
        } else if (position == length - 6 && (text.charAt(position) == '+' || text.charAt(position) == '-')
                && text.charAt(position + 3) == ':') {
            int offsetHours = number(text, position + 1, 2);
            int offsetMinutes = number(text, position + 4, 2);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(position) == '-' ? -1 : 1);
        } else {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
        long seconds = date.toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nano);
    }

    /** The decimal number of width digits at the position, or -1 if one of them is not a digit. */
    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static final class Writer extends StdScalarSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(format(value));
        }
    }

    static final class Reader extends StdScalarDeserializer<Instant> {

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                Instant instant = parseCommonForm(parser.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
