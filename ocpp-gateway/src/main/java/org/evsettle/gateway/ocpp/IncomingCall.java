package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.evsettle.gateway.Admission;

/** A validated CALL bound to its request record; payload keeps the JSON as received (for content hashes). */
public record IncomingCall<Q>(CallContext context, Q request, ObjectNode payload) {

    public String chargePointId() {
        return context.chargePointId();
    }

    public String messageId() {
        return context.messageId();
    }

    public Instant receivedAt() {
        return context.receivedAt();
    }

    public Admission admission() {
        return context.admission();
    }
}
