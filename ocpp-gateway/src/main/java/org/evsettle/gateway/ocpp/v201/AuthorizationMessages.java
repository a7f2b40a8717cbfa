package org.evsettle.gateway.ocpp.v201;

import java.time.Instant;

/** OCPP 2.0.1 payloads of authorization: the IdToken a station presents and the IdTokenInfo it is answered. */
public final class AuthorizationMessages {

    private AuthorizationMessages() {
    }

    /** type is ISO14443, ISO15693, Central, eMAID, KeyCode, Local, MacAddress or NoAuthorization. */
    public record IdToken(String idToken, String type) {
    }

    public record AuthorizeRequest(IdToken idToken) {
    }

    public record AuthorizeResponse(IdTokenInfo idTokenInfo) {
    }

    /**
     * status is Accepted, Blocked, ConcurrentTx, Expired, Invalid, ...; cacheExpiryDateTime until when
     * the station may cache an accepted card; groupIdToken groups the cards of one driver.
     */
    public record IdTokenInfo(String status, Instant cacheExpiryDateTime, IdToken groupIdToken) {
    }
}
