package org.evsettle.events.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for normalizing an RFID idTag, shared by the registry (which stores it) and the
 * gateway (which matches what chargers send): vendors send the same UID in upper or lower case,
 * with separators (':', '-', ' ') and prefixes such as {@code nfc-}; the normal form is upper case
 * without them.
 */
public final class IdTags {

    private static final Pattern PREFIX = Pattern.compile("^(?i)(nfc|rfid|uid|mifare)[-:_ ]?");
    private static final Pattern HEX_WITH_SEPARATORS = Pattern.compile("^[0-9A-Fa-f]{2}([-: ][0-9A-Fa-f]{2})+$");
    private static final Pattern SEPARATORS = Pattern.compile("[-: ]");
    /** OCPP 1.6 IdToken is CiString20Type. */
    public static final int MAX_LENGTH = 20;

    private IdTags() {
    }

    /** The normal form of an idTag as a charger or an operator wrote it. */
    public static String normalize(String raw) {
        String tag = raw.trim();
        tag = PREFIX.matcher(tag).replaceFirst("");
        if (HEX_WITH_SEPARATORS.matcher(tag).matches()) {
            tag = SEPARATORS.matcher(tag).replaceAll("");
        }
        return tag.toUpperCase(Locale.ROOT);
    }
}
