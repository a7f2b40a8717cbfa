package org.evsettle.sessions.zaptec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.evsettle.events.registry.IdTags;
import org.evsettle.sessions.Card;
import org.evsettle.sessions.Charger;
import org.evsettle.sessions.Driver;

/**
 * Finds the operator's charger and driver of a Zaptec session, by the rules of docs/zaptec.md: an operator's
 * mapping first, then the registry copies (a card by the token in its normal form, a driver by e-mail). What
 * matches nothing, or more than one, is no match: a session is never billed to a guess.
 */
final class ZaptecMatching {

    /** The charger: registered (chargerId set) or, if not, the name Zaptec gave it, for the review list. */
    record ChargerMatch(String chargePointId, UUID chargerId, UUID siteId) {
        boolean registered() {
            return chargerId != null;
        }
    }

    /** The driver and card; driverId null when none matched, with why in words. */
    record DriverMatch(UUID driverId, UUID cardId, String idTag, String how) {
        boolean matched() {
            return driverId != null;
        }
    }

    private ZaptecMatching() {
    }

    static ChargerMatch charger(UUID operatorId, String chargerId, String deviceId, String deviceName) {
        List<String> names = Stream.of(deviceId, chargerId, deviceName).filter(name -> name != null).toList();
        for (String name : names) {
            Optional<String> mapped = ZaptecMapping.of(operatorId, ZaptecMapping.Kind.CHARGER, name)
                    .map(mapping -> mapping.chargePointId);
            Optional<ChargerMatch> found = mapped.flatMap(chargePointId -> registered(operatorId, chargePointId));
            if (found.isPresent()) {
                return found.get();
            }
        }
        for (String name : names) {
            Optional<ChargerMatch> found = registered(operatorId, name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new ChargerMatch(names.get(0), null, null);
    }

    private static Optional<ChargerMatch> registered(UUID operatorId, String chargePointId) {
        List<Charger> chargers = Charger.ofOperator(operatorId, chargePointId);
        return chargers.size() != 1 ? Optional.empty() : Optional.of(new ChargerMatch(chargers.get(0).chargePointId,
                chargers.get(0).id, chargers.get(0).siteId));
    }

    static DriverMatch driver(UUID operatorId, String userId, String userEmail, String tokenName) {
        String token = tokenName == null ? null : IdTags.normalize(tokenName);
        Optional<ZaptecMapping> mapped = ZaptecMapping.of(operatorId, ZaptecMapping.Kind.USER, userId)
                .or(() -> ZaptecMapping.of(operatorId, ZaptecMapping.Kind.TOKEN, tokenName));
        if (mapped.isPresent()) {
            ZaptecMapping mapping = mapped.get();
            Card card = mapping.cardId == null ? null : Card.findById(mapping.cardId);
            return new DriverMatch(mapping.driverId, mapping.cardId, card != null ? card.idTag : token,
                    "mapped " + mapping.key.kind);
        }
        if (token != null) {
            List<Card> cards = Card.list("operatorId = ?1 and idTag = ?2", operatorId, token);
            if (cards.size() == 1 && cards.get(0).driverId != null) {
                return new DriverMatch(cards.get(0).driverId, cards.get(0).id, token, "card");
            }
        }
        if (userEmail != null) {
            List<Driver> drivers = Driver.list("operatorId = ?1 and lower(email) = ?2", operatorId,
                    userEmail.trim().toLowerCase(Locale.ROOT));
            if (drivers.size() == 1) {
                return new DriverMatch(drivers.get(0).id, null, token, "e-mail");
            }
        }
        return new DriverMatch(null, null, token, null);
    }

    /** Why a session waits for a driver, in words an operator acts on (shown to the operator's admins only). */
    static String noDriver(String userId, String userEmail, String userFullName, String tokenName) {
        if (userId == null && userEmail == null && tokenName == null) {
            return "Zaptec names no user or token for this session: map it to a driver (PUT .../zaptec/mappings)"
                    + " or release it";
        }
        StringBuilder who = new StringBuilder("Zaptec user");
        if (userFullName != null) {
            who.append(' ').append(userFullName);
        }
        if (userEmail != null) {
            who.append(" <").append(userEmail).append('>');
        }
        if (userId != null) {
            who.append(" (UserId ").append(userId).append(')');
        }
        if (tokenName != null) {
            who.append(", token ").append(tokenName);
        }
        return who + " matches no driver by mapping, card or e-mail: map the user or token to a driver"
                + " (PUT .../zaptec/mappings)";
    }
}
