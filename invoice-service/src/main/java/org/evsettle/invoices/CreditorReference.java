package org.evsettle.invoices;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structured payment reference on an invoice: an ISO 11649 creditor reference ("RF" reference),
 * which banks in the Netherlands and Belgium accept as structured remittance information and which
 * checks itself with two check digits (ISO 7064 MOD 97-10, as an IBAN). Its body is the year and
 * sequence of the invoice number, so it is unique per operator and tells the invoice at a glance:
 * invoice LINDE-2026-000123 is paid with RF46 2026 0001 23.
 */
public final class CreditorReference {

    private static final Pattern CANDIDATE = Pattern.compile("RF\\d{2}[0-9A-Z]{1,21}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private CreditorReference() {
    }

    /** The reference of the invoice with this year and sequence number in its operator's series. */
    public static String forInvoice(int year, long sequence) {
        return of(year + String.format(Locale.ROOT, "%06d", sequence));
    }

    /** The reference with this body (1 to 21 letters and digits): RF, two check digits, the body. */
    public static String of(String body) {
        String normalized = normalize(body);
        if (normalized.isEmpty() || normalized.length() > 21 || !normalized.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("A creditor reference body is 1 to 21 letters and digits: " + body);
        }
        int check = 98 - mod97(normalized + "RF00");
        return "RF" + String.format(Locale.ROOT, "%02d", check) + normalized;
    }

    /** Whether the text, spaces aside, is a creditor reference with correct check digits. */
    public static boolean isValid(String reference) {
        String normalized = normalize(reference);
        if (!CANDIDATE.matcher(normalized).matches()) {
            return false;
        }
        return mod97(normalized.substring(4) + normalized.substring(0, 4)) == 1;
    }

    /** The first valid creditor reference in a free text (a bank statement's description), spaces ignored. */
    public static Optional<String> findIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher candidates = CANDIDATE.matcher(normalize(text));
        int from = 0;
        while (candidates.find(from)) {
            // the body may run into the text that follows: try the longest valid prefix first
            for (int end = candidates.end(); end > candidates.start() + 4; end--) {
                String candidate = normalize(text).substring(candidates.start(), end);
                if (isValid(candidate)) {
                    return Optional.of(candidate);
                }
            }
            from = candidates.start() + 1;
        }
        return Optional.empty();
    }

    /** Upper case without spaces, as a reference is compared. */
    public static String normalize(String reference) {
        return reference == null ? "" : reference.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Groups of four, as a reference is printed for people to type. */
    public static String printed(String reference) {
        String normalized = normalize(reference);
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < normalized.length(); i += 4) {
            printed.append(i == 0 ? "" : " ").append(normalized, i, Math.min(i + 4, normalized.length()));
        }
        return printed.toString();
    }

    private static int mod97(String alphanumeric) {
        StringBuilder digits = new StringBuilder();
        for (char c : alphanumeric.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
