package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.evsettle.gateway.ocpp.OcppFrame.CallError;
import org.evsettle.gateway.ocpp.OcppFrame.CallResult;

/**
 * The CALLs the central system sent to chargers and still waits for: an answer from a charger is
 * matched here by charger and message id; an answer nobody waits for is reported as unknown.
 */
@ApplicationScoped
public class PendingCalls {

    private final Map<Key, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** Registers a CALL about to be sent; the future completes with the CALLRESULT payload. */
    public CompletableFuture<JsonNode> expect(String chargePointId, String messageId) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(new Key(chargePointId, messageId), answer);
        return answer;
    }

    /** Hands an answer to whoever waits for it; false when nobody does. */
    public boolean resolve(String chargePointId, OcppFrame answer) {
        CompletableFuture<JsonNode> waiting = pending.remove(new Key(chargePointId, answer.messageId()));
        if (waiting == null) {
            return false;
        }
        if (answer instanceof CallResult result) {
            waiting.complete(result.payload());
        } else if (answer instanceof CallError error) {
            waiting.completeExceptionally(new OcppError(codeOf(error.errorCode()), error.description()));
        }
        return true;
    }

    /** The charger went away: its outstanding CALLs will not be answered. */
    public void abandon(String chargePointId) {
        pending.entrySet().removeIf(entry -> {
            if (entry.getKey().chargePointId().equals(chargePointId)) {
                entry.getValue().completeExceptionally(new IllegalStateException(chargePointId + " disconnected"));
                return true;
            }
            return false;
        });
    }

    private static ErrorCode codeOf(String name) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.name().equals(name)) {
                return code;
            }
        }
        return ErrorCode.GenericError;
    }

    private record Key(String chargePointId, String messageId) {
    }
}
