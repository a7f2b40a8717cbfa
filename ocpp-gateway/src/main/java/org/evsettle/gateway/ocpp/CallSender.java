package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.evsettle.gateway.ChargerConnections;
import org.evsettle.gateway.ocpp.OcppFrame.Call;
import org.evsettle.gateway.ocpp.OcppFrame.CallError;
import org.evsettle.gateway.ocpp.OcppFrame.CallResult;

/**
 * Sends the central system's CALLs to a charger over the socket this replica holds, one at a time
 * as OCPP-J requires: a CALL waits in the charger's queue until the previous one is answered or has
 * timed out. Each CALL has a deadline that covers its wait in the queue and the charger's answer.
 */
@ApplicationScoped
public class CallSender {

    private final ChargerConnections connections;
    private final PendingCalls pendingCalls;
    private final Clock clock;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    public CallSender(ChargerConnections connections, PendingCalls pendingCalls, Clock clock) {
        this.connections = connections;
        this.pendingCalls = pendingCalls;
        this.clock = clock;
    }

    /** Queues a CALL for the charger; the outcome arrives when it is answered, refused, timed out or the charger is gone. */
    public Uni<CallOutcome> send(String chargePointId, String messageId, String action, ObjectNode payload,
                                 Instant deadline) {
        if (!connections.holds(chargePointId)) {
            return Uni.createFrom().item(CallOutcome.notConnected(chargePointId + " is not connected"));
        }
        Outgoing call = new Outgoing(new Call(messageId, action, payload), deadline, new CompletableFuture<>());
        while (!lanes.computeIfAbsent(chargePointId, Lane::new).offer(call)) {
            Thread.onSpinWait(); // the lane was just retired: the next computeIfAbsent makes a new one
        }
        return Uni.createFrom().completionStage(call.outcome());
    }

    /** CALLs to this charger waiting for their turn or for an answer. */
    public int outstanding(String chargePointId) {
        Lane lane = lanes.get(chargePointId);
        return lane == null ? 0 : lane.size();
    }

    private record Outgoing(Call call, Instant deadline, CompletableFuture<CallOutcome> outcome) {
    }

    /** One charger's queue: at most one CALL in flight. */
    private final class Lane {
        private final String chargePointId;
        private final Deque<Outgoing> queue = new ArrayDeque<>();
        private Outgoing inFlight;
        private boolean retired;

        Lane(String chargePointId) {
            this.chargePointId = chargePointId;
        }

        synchronized int size() {
            return queue.size() + (inFlight == null ? 0 : 1);
        }

        /** False when the lane was retired (empty and removed) and the call must go to a new one. */
        boolean offer(Outgoing call) {
            synchronized (this) {
                if (retired) {
                    return false;
                }
                queue.add(call);
            }
            pump();
            return true;
        }

        private void pump() {
            Outgoing next;
            synchronized (this) {
                if (inFlight != null) {
                    return;
                }
                next = queue.poll();
                if (next == null) {
                    retired = true;
                    lanes.remove(chargePointId, this);
                    return;
                }
                inFlight = next;
            }
            start(next);
        }

        private void start(Outgoing call) {
            Duration left = Duration.between(clock.instant(), call.deadline());
            Optional<WebSocketConnection> socket = connections.socket(chargePointId);
            if (left.isNegative() || left.isZero()) {
                finish(call, CallOutcome.timedOut("The deadline passed before the charger's previous call was answered"));
                return;
            }
            if (socket.isEmpty()) {
                finish(call, CallOutcome.notConnected(chargePointId + " is not connected"));
                return;
            }
            String messageId = call.call().messageId();
            CompletableFuture<OcppFrame> answer = pendingCalls.expect(chargePointId, messageId);
            answer.orTimeout(left.toMillis(), TimeUnit.MILLISECONDS).whenComplete((frame, failure) -> {
                if (failure != null) {
                    pendingCalls.forget(chargePointId, messageId);
                }
                finish(call, outcomeOf(call.call(), frame, failure));
            });
            socket.get().sendText(FrameCodec.encode(call.call())).subscribe().with(sent -> { }, failure -> {
                Log.debugf("Could not send %s %s to %s: %s", call.call().action(), messageId, chargePointId, failure);
                answer.completeExceptionally(new PendingCalls.ChargerGone(chargePointId));
            });
        }

        private void finish(Outgoing call, CallOutcome outcome) {
            synchronized (this) {
                if (inFlight == call) {
                    inFlight = null;
                }
            }
            call.outcome().complete(outcome);
            pump();
        }

        private CallOutcome outcomeOf(Call call, OcppFrame frame, Throwable failure) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                return CallOutcome.timedOut(chargePointId + " did not answer " + call.action() + " in time");
            }
            if (cause != null) {
                return CallOutcome.notConnected(cause.getMessage());
            }
            if (frame instanceof CallError error) {
                return CallOutcome.callError(error.errorCode(), error.description());
            }
            return CallOutcome.answered(((CallResult) frame).payload());
        }
    }
}
