package org.evsettle.events.registry;

import java.util.regex.Pattern;

/**
 * The one rule for a chargePointId the platform takes into its registry, whether an admin registers or
 * announces it over REST or a charger enrolls itself with its operator's key: 1 to 48 letters, digits
 * and {@code . _ : -}. (The handshake accepts any printable OCPP identity of a registered charger;
 * this narrower rule keeps ids that could not be registered from being captured by an enrollment.)
 */
public final class ChargePointIds {

    /** The pattern, as a constant that Bean Validation annotations can name. */
    public static final String PATTERN = "[A-Za-z0-9._:\\-]+";
    public static final int MAX_LENGTH = 48;
    /** What a refusal says about an id that breaks the rule. */
    public static final String RULE = "may hold letters, digits and . _ : - only, 1 to 48 of them";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private ChargePointIds() {
    }

    public static boolean isValid(String chargePointId) {
        return chargePointId != null && !chargePointId.isEmpty() && chargePointId.length() <= MAX_LENGTH
                && COMPILED.matcher(chargePointId).matches();
    }
}
