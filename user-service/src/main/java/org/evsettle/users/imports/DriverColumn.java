package org.evsettle.users.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a driver import, in the order of the template; the first six are required. */
public enum DriverColumn {
    NAME("name", true),
    EMAIL("email", true),
    STREET("street", true),
    POSTAL_CODE("postalCode", true),
    CITY("city", true),
    COUNTRY_CODE("countryCode", true),
    USER_TYPE("userType", false),
    LANGUAGE("language", false),
    COMPANY_NAME("companyName", false),
    COMPANY_VAT_NUMBER("companyVatNumber", false),
    COMPANY_REGISTRATION_NUMBER("companyRegistrationNumber", false),
    CARD_ID_TAG("cardIdTag", false),
    CARD_LABEL("cardLabel", false),
    CARD_VALID_UNTIL("cardValidUntil", false),
    EMPLOYER_EMAIL("employerEmail", false),
    PAYOUT_IBAN("payoutIban", false);

    private final String title;
    private final boolean required;

    DriverColumn(String title, boolean required) {
        this.title = title;
        this.required = required;
    }

    public String title() {
        return title;
    }

    public boolean required() {
        return required;
    }

    /** The column a header cell names, in any case, with spaces, dashes or underscores ignored. */
    public static Optional<DriverColumn> named(String headerCell) {
        String wanted = simplify(headerCell);
        return Arrays.stream(values()).filter(column -> simplify(column.title).equals(wanted)).findFirst();
    }

    public static List<String> titles() {
        return Arrays.stream(values()).map(DriverColumn::title).toList();
    }

    private static String simplify(String name) {
        return name.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }
}
