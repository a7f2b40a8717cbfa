package org.evsettle.users;

import java.util.Locale;
import java.util.Optional;

/**
 * A business customer's number in its country's company register, by the country of its billing address:
 * a Dutch KvK number (8 digits), a Belgian enterprise number (10 digits starting 0 or 1, the last two
 * 97 minus the first eight modulo 97); elsewhere free text. Dutch and Belgian numbers are kept as digits only
 * ({@code 0123.456.749} is {@code 0123456749}).
 */
public final class CompanyRegistrationNumber {

    /** The longest number kept for a country without a rule here. */
    public static final int MAX_LENGTH = 35;

    private CompanyRegistrationNumber() {
    }

    /** The number as stored: trimmed, and for NL and BE without the dots, spaces and dashes it is written with. */
    public static String normalize(String number, String countryCode) {
        String trimmed = number.trim();
        return switch (country(countryCode)) {
            case "NL", "BE" -> trimmed.replaceAll("[\\s.\\-]", "");
            default -> trimmed;
        };
    }

    /** The rule a normalized number breaks for a customer in that country, if any. */
    public static Optional<String> brokenRule(String normalized, String countryCode) {
        return switch (country(countryCode)) {
            case "NL" -> normalized.matches("[0-9]{8}") ? Optional.empty()
                    : Optional.of("must be a KvK number of 8 digits for a customer in NL");
            case "BE" -> isEnterpriseNumber(normalized) ? Optional.empty()
                    : Optional.of("must be an enterprise number of 10 digits such as 0123.456.749, with correct"
                    + " check digits, for a customer in BE");
            default -> normalized.isEmpty() || normalized.length() > MAX_LENGTH
                    ? Optional.of("must be 1 to " + MAX_LENGTH + " characters") : Optional.empty();
        };
    }

    /** A Belgian enterprise number: 10 digits starting 0 or 1 whose last two are 97 - (the first eight mod 97). */
    static boolean isEnterpriseNumber(String digits) {
        if (!digits.matches("[01][0-9]{9}")) {
            return false;
        }
        long base = Long.parseLong(digits.substring(0, 8));
        return 97 - base % 97 == Integer.parseInt(digits.substring(8));
    }

    private static String country(String countryCode) {
        return countryCode == null ? "" : countryCode.trim().toUpperCase(Locale.ROOT);
    }
}
