package org.evsettle.gateway.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CALLs the central system sent to chargers and still waits for: an answer from a charger
 * (CALLRESULT or CALLERROR) is matched here by charger and message id; an answer nobody waits for
 * (unknown, or too late) is reported as unknown.
 */
@ApplicationScoped
public class PendingCalls {

    private final Map<Key, CompletableFuture<OcppFrame>> pending = new ConcurrentHashMap<>();

    /** Registers a CALL about to be sent; the future completes with the charger's answer frame. */
    public CompletableFuture<OcppFrame> expect(String chargePointId, String messageId) {
        CompletableFuture<OcppFrame> answer = new CompletableFuture<>();
        pending.put(new Key(chargePointId, messageId), answer);
        return answer;
    }

    /** Hands an answer to whoever waits for it; false when nobody does. */
    public boolean resolve(String chargePointId, OcppFrame answer) {
        CompletableFuture<OcppFrame> waiting = pending.remove(new Key(chargePointId, answer.messageId()));
        if (waiting == null) {
            return false;
        }
        waiting.complete(answer);
        return true;
    }

    /** Stops waiting for an answer (the call timed out): a late answer is then unknown. */
    public void forget(String chargePointId, String messageId) {
        pending.remove(new Key(chargePointId, messageId));
    }

    /** The charger went away: its outstanding CALLs will not be answered. */
    public void abandon(String chargePointId) {
        pending.entrySet().removeIf(entry -> {
            if (entry.getKey().chargePointId().equals(chargePointId)) {
                entry.getValue().completeExceptionally(new ChargerGone(chargePointId));
                return true;
            }
            return false;
        });
    }

    /** The charger disconnected before it answered. */
    public static final class ChargerGone extends RuntimeException {
        public ChargerGone(String chargePointId) {
            super(chargePointId + " disconnected before it answered");
        }
    }

    private record Key(String chargePointId, String messageId) {
    }
}
