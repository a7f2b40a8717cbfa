package org.evsettle.invoices;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Belgian structured communication ("gestructureerde mededeling", "communication structurée", OGM):
 * twelve digits written {@code +++123/4567/89012+++}, ten digits of the creditor's choice followed by two
 * check digits, the ten-digit number mod 97 (97 when that is 0). The ten digits of an invoice are the last
 * two digits of its year and its sequence in eight: invoice LINDE-2026-000042 is paid with
 * {@code +++260/0000/04214+++}, unique per operator for a century and for 99,999,999 invoices a year.
 */
public final class StructuredCommunication {

    /** Between +++ or *** (as some banks write it), slashes and spaces optional. */
    private static final Pattern DELIMITED = Pattern.compile(
            "[+*]{3}\\s*(\\d{3})\\s*/?\\s*(\\d{4})\\s*/?\\s*(\\d{5})\\s*[+*]{3}");
    /** Without delimiters: twelve digits in a row, or 3/4/5 with slashes or single spaces, not part of a longer number. */
    private static final Pattern BARE = Pattern.compile("(?<![\\d/])(\\d{3})[ /]?(\\d{4})[ /]?(\\d{5})(?![\\d/])");
    private static final long MAX_SEQUENCE = 99_999_999L;

    private StructuredCommunication() {
    }

    /** The structured communication of the invoice with this year and sequence number in its operator's series. */
    public static String forInvoice(int year, long sequence) {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("A structured communication holds sequences 1 to " + MAX_SEQUENCE
                    + ", not " + sequence);
        }
        return of(String.format(Locale.ROOT, "%02d%08d", Math.floorMod(year, 100), sequence));
    }

    /** The structured communication of these ten digits: the digits, their check digits, as printed. */
    public static String of(String tenDigits) {
        if (tenDigits == null || !tenDigits.matches("\\d{10}")) {
            throw new IllegalArgumentException("A structured communication starts with ten digits: " + tenDigits);
        }
        return printed(tenDigits + String.format(Locale.ROOT, "%02d", checkDigits(tenDigits)));
    }

    /** The check digits of ten digits: their number mod 97, and 97 instead of 0. */
    public static int checkDigits(String tenDigits) {
        int remainder = (int) (Long.parseLong(tenDigits) % 97);
        return remainder == 0 ? 97 : remainder;
    }

    /** Whether the text is one structured communication with correct check digits, however it is written. */
    public static boolean isValid(String text) {
        return text != null && parse(text.trim(), true).isPresent();
    }

    /**
     * The first structured communication with correct check digits in a free text (a bank statement's
     * remittance), as banks report it: {@code +++123/4567/89012+++}, {@code ***123/4567/89012***},
     * {@code 123/4567/89012} or {@code 123456789012}; in the printed form an invoice stores.
     */
    public static Optional<String> findIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return parse(text, false);
    }

    /** The digits of a structured communication (twelve), as SEPA messages carry it. */
    public static String digits(String communication) {
        return communication.replaceAll("\\D", "");
    }

    private static Optional<String> parse(String text, boolean whole) {
        for (Pattern pattern : new Pattern[] {DELIMITED, BARE}) {
            Matcher matcher = pattern.matcher(text);
            while (whole ? matcher.matches() : matcher.find()) {
                String digits = matcher.group(1) + matcher.group(2) + matcher.group(3);
                if (checkDigits(digits.substring(0, 10)) == Integer.parseInt(digits.substring(10))) {
                    return Optional.of(printed(digits));
                }
                if (whole) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    private static String printed(String twelveDigits) {
        return "+++" + twelveDigits.substring(0, 3) + "/" + twelveDigits.substring(3, 7) + "/"
                + twelveDigits.substring(7) + "+++";
    }
}
