package org.evsettle.users;

import java.util.Optional;
import java.util.regex.Pattern;
import org.evsettle.events.registry.IdTags;

/**
 * The rule for a card's idTag as the registry stores it: the normal form of {@link IdTags} (MIFARE
 * UIDs as upper-case hex without separators), at most 20 printable ASCII characters (OCPP 1.6 IdToken).
 */
public final class CardIdTag {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

    private CardIdTag() {
    }

    public static String normalize(String raw) {
        return IdTags.normalize(raw);
    }

    /** The rule the normalized idTag breaks, if any. */
    public static Optional<String> brokenRule(String normalized) {
        if (normalized.isEmpty() || normalized.length() > IdTags.MAX_LENGTH || !PRINTABLE.matcher(normalized).matches()) {
            return Optional.of("must be at most " + IdTags.MAX_LENGTH
                    + " printable characters once separators are removed (it is " + normalized + ")");
        }
        return Optional.empty();
    }
}
