package org.evsettle.gateway.ocpp.v16;

/** OCPP 1.6 payloads of Authorize. */
public final class AuthorizationMessages {

    private AuthorizationMessages() {
    }

    public record AuthorizeRequest(String idTag) {
    }

    public record AuthorizeResponse(IdTagInfo idTagInfo) {
    }
}
