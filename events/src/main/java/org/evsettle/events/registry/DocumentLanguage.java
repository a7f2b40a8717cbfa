package org.evsettle.events.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * The language a driver reads their documents in (invoices, reminders, e-mails, reports): Dutch,
 * French, English or German, written as its ISO 639-1 code. A driver without one reads the operator's;
 * an operator without one reads the language of its country: {@link #defaultFor(String)}.
 */
public enum DocumentLanguage {
    NL("nl"), FR("fr"), EN("en"), DE("de");

    private final String code;

    DocumentLanguage(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, as records and APIs carry it. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language of a code (any case); empty for none or one the platform does not write. */
    public static Optional<DocumentLanguage> of(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (DocumentLanguage language : values()) {
            if (language.code.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * An operator's language when it chose none, from its country (ISO 3166-1 alpha-2): the Netherlands
     * and Belgium Dutch (a Walloon or Brussels operator sets French), Germany German, any other English.
     */
    public static DocumentLanguage defaultFor(String countryCode) {
        if (countryCode == null) {
            return EN;
        }
        return switch (countryCode.trim().toUpperCase(Locale.ROOT)) {
            case "NL", "BE" -> NL;
            case "DE" -> DE;
            default -> EN;
        };
    }

    /** The language documents are written in: the first one set of driver, operator, operator's country. */
    public static DocumentLanguage resolve(String driverLanguage, String operatorLanguage, String operatorCountry) {
        return of(driverLanguage).or(() -> of(operatorLanguage)).orElseGet(() -> defaultFor(operatorCountry));
    }
}
