package org.evsettle.invoices.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.DocumentLanguage;

/**
 * How documents write amounts, dates, rates and energy for people (machine formats write ISO values): in
 * the document's language with that language's conventions ({@link #locale}): {@code € 1.234,56} and
 * {@code 2 december 2026} in Dutch, {@code 1 234,56 €} and {@code 2 décembre 2026} in French. The JDK
 * separates French thousands with a narrow no-break space (U+202F), which the PDF's standard fonts lack:
 * {@link #forStandardFonts} writes it as a no-break space.
 */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Formats() {
    }

    /**
     * The conventions a language's reader expects: Dutch as in the Netherlands (the same in Flanders),
     * French as in Belgium, German as in Germany, English as in Ireland (the euro, day before month).
     */
    public static Locale locale(DocumentLanguage language) {
        return switch (language) {
            case NL -> Locale.forLanguageTag("nl-NL");
            case FR -> Locale.forLanguageTag("fr-BE");
            case DE -> Locale.forLanguageTag("de-DE");
            case EN -> Locale.forLanguageTag("en-IE");
        };
    }

    /** An amount in its currency, two decimals rounded half up: {@code € 1.234,56} in Dutch. */
    public static String money(String currency, BigDecimal amount, DocumentLanguage language) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(language));
        format.setCurrency(Currency.getInstance(currency));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A date written out: {@code 2 december 2026} in Dutch, {@code 2. Dezember 2026} in German. */
    public static String date(LocalDate date, DocumentLanguage language) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language))
                .format(date);
    }

    /** A unit price with all its decimals (at least two): {@code € 0,35000} in Dutch. */
    public static String unitPrice(String currency, BigDecimal amount, DocumentLanguage language) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(language));
        format.setCurrency(Currency.getInstance(currency));
        int decimals = Math.max(2, amount.scale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(amount);
    }

    /** A local date and time for a session's start: {@code 05-01-2026 18:30} in Dutch, {@code 05.01.2026 18:30} in German. */
    public static String dateTime(Instant instant, ZoneId zone, DocumentLanguage language) {
        if (instant == null) {
            return "";
        }
        String pattern = switch (language) {
            case NL -> "dd-MM-yyyy HH:mm";
            case DE -> "dd.MM.yyyy HH:mm";
            case FR, EN -> "dd/MM/yyyy HH:mm";
        };
        return DateTimeFormatter.ofPattern(pattern, locale(language)).format(instant.atZone(zone));
    }

    /** A VAT rate as a percentage: 0.21 is {@code 21%}, 0.055 {@code 5,5%} in Dutch and {@code 5,5 %} in French. */
    public static String percent(BigDecimal rate, DocumentLanguage language) {
        NumberFormat format = NumberFormat.getPercentInstance(locale(language));
        format.setMaximumFractionDigits(2);
        return format.format(rate);
    }

    /** A quantity with the decimals it has: {@code 12,34} in Dutch. */
    public static String number(BigDecimal value, DocumentLanguage language) {
        NumberFormat format = NumberFormat.getNumberInstance(locale(language));
        BigDecimal plain = value.stripTrailingZeros();
        format.setMinimumFractionDigits(Math.max(0, plain.scale()));
        format.setMaximumFractionDigits(Math.max(0, plain.scale()));
        return format.format(value);
    }

    /** Energy with three decimals: {@code 12,340 kWh} in Dutch. */
    public static String kwh(BigDecimal kwh, DocumentLanguage language) {
        NumberFormat format = NumberFormat.getNumberInstance(locale(language));
        format.setMinimumFractionDigits(3);
        format.setMaximumFractionDigits(3);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(kwh) + "\u00a0kWh";
    }

    /** A local time in ISO form ({@code 2026-01-05 18:30}), for machine-read texts such as UBL's. */
    static String localTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** Energy in kWh with a point and three decimals, for machine-read texts such as UBL's. */
    static String kwh(BigDecimal kwh) {
        return kwh.setScale(3, RoundingMode.HALF_UP).toPlainString() + " kWh";
    }

    /** The text with the one space the PDF standard fonts (WinAnsi) cannot show, U+202F, as a no-break space. */
    public static String forStandardFonts(String text) {
        return text == null ? null : text.replace('\u202f', '\u00a0');
    }

    static List<String> addressLines(Address address) {
        if (address == null) {
            return List.of();
        }
        String cityLine = Stream.of(address.postalCode(), address.city()).filter(Formats::present)
                .collect(Collectors.joining(" "));
        return Stream.of(address.street(), cityLine, address.countryCode()).filter(Formats::present).toList();
    }

    static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** An IBAN in groups of four. */
    static String iban(String iban) {
        if (iban == null) {
            return "";
        }
        String plain = iban.replace(" ", "");
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < plain.length(); i += 4) {
            grouped.append(i == 0 ? "" : " ").append(plain, i, Math.min(plain.length(), i + 4));
        }
        return grouped.toString();
    }

    /** The last four characters of an account, the rest hidden. */
    public static String maskedIban(String iban) {
        if (iban == null || iban.length() < 4) {
            return "";
        }
        String plain = iban.replace(" ", "");
        return plain.substring(0, 2) + "** **** " + plain.substring(plain.length() - 4);
    }
}
