package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * One action the central system answers: its name, the record its payload binds to, and the
 * handler that turns the request into the answer's record (asynchronously: an answer may wait for
 * the database or for Kafka's acknowledgement).
 */
public record OcppAction<Q, R>(String name, Class<Q> requestType, Function<IncomingCall<Q>, Uni<R>> handler) {

    public static <Q, R> OcppAction<Q, R> of(String name, Class<Q> requestType, Function<IncomingCall<Q>, Uni<R>> handler) {
        return new OcppAction<>(name, requestType, handler);
    }

    /** Binds the (validated) payload and hands it to the handler. */
    public Uni<R> handle(CallContext context, ObjectNode payload) {
        Q request;
        try {
            request = OcppJson.mapper().treeToValue(payload, requestType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new OcppError(ErrorCode.FormationViolation, "The payload of " + name + " cannot be read: "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
        }
        return handler.apply(new IncomingCall<>(context, request, payload));
    }
}
