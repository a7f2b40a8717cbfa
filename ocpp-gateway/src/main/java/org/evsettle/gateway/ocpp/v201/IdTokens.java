package org.evsettle.gateway.ocpp.v201;

import org.evsettle.events.registry.IdTags;
import org.evsettle.gateway.CardAuthorization;
import org.evsettle.gateway.ocpp.v201.AuthorizationMessages.IdToken;
import org.evsettle.gateway.ocpp.v201.AuthorizationMessages.IdTokenInfo;

/**
 * The card an OCPP 2.0.1 IdToken names, as the registry stores it, and the IdTokenInfo of a verdict.
 * RFID UIDs (ISO14443 is MIFARE, ISO15693 vicinity cards) are normalized as for 1.6, so that the same
 * card matches whichever version the station speaks; other tokens (eMAID, KeyCode, Central, ...) are
 * matched as sent. NoAuthorization names nobody.
 */
final class IdTokens {

    static final String NO_AUTHORIZATION = "NoAuthorization";
    /** The type a groupIdToken made from a parentIdTag gets: an id the CSMS gave out. */
    private static final String GROUP_TYPE = "Central";

    private IdTokens() {
    }

    /** The idTag to authorize and record; null for an absent token or NoAuthorization. */
    static String idTagOf(IdToken token) {
        if (token == null || NO_AUTHORIZATION.equals(token.type()) || token.idToken() == null
                || token.idToken().isBlank()) {
            return null;
        }
        return switch (token.type()) {
            case "ISO14443", "ISO15693" -> IdTags.normalize(token.idToken());
            default -> token.idToken().trim();
        };
    }

    static IdTokenInfo infoOf(CardAuthorization verdict) {
        return new IdTokenInfo(verdict.status().ocpp(), verdict.expiryDate(),
                verdict.parentIdTag() != null ? new IdToken(verdict.parentIdTag(), GROUP_TYPE) : null);
    }
}
