package org.evsettle.gateway.ocpp.v16;

import java.time.Instant;
import org.evsettle.gateway.CardAuthorization;

/** OCPP 1.6 IdTagInfo: the status of an idTag and, optionally, until when the charger may cache it. */
public record IdTagInfo(String status, Instant expiryDate, String parentIdTag) {

    static IdTagInfo of(CardAuthorization authorization) {
        return new IdTagInfo(authorization.status().ocpp(), authorization.expiryDate(), authorization.parentIdTag());
    }
}
