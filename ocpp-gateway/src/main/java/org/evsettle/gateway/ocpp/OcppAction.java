package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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

    /**
     * Binds the (validated) payload and hands it to the handler. A value the schema allows but Java
     * cannot hold (a connectorId beyond 32 bits) is a TypeConstraintViolation naming the field.
     */
    public Uni<R> handle(CallContext context, ObjectNode payload) {
        Q request;
        try {
            request = OcppJson.mapper().treeToValue(payload, requestType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : null;
            throw new OcppError(ErrorCode.TypeConstraintViolation, "The payload of " + name + " cannot be read"
                    + (field != null ? " at " + field : "") + ": "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()), field);
        }
        return handler.apply(new IncomingCall<>(context, request, payload));
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
