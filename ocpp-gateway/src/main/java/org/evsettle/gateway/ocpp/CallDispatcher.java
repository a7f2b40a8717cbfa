package org.evsettle.gateway.ocpp;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.evsettle.gateway.Admission;
import org.evsettle.gateway.ocpp.FrameCodec.MalformedFrame;
import org.evsettle.gateway.ocpp.OcppFrame.Call;
import org.evsettle.gateway.ocpp.OcppFrame.CallResult;
import org.evsettle.gateway.ocpp.v201.Ocpp201;

/**
 * The OCPP pipeline for one text frame: decode, validate, dispatch to the action's handler, encode
 * the answer. Bad input never escapes as an exception (the connection stays open): it becomes the
 * CALLERROR the OCPP-J specification names, and a failing handler an InternalError, which tells
 * the charger to try again later. What a charger gets wrong is logged at DEBUG (a fleet of one
 * faulty firmware would flood the log) and counted: {@code ocpp_call_seconds} by outcome, and
 * {@code ocpp_frames_discarded_total} by reason for frames taken as neither a call nor an answer.
 */
@ApplicationScoped
public class CallDispatcher {

    private static final String DISCARDED = "ocpp.frames.discarded";

    private final Map<String, Map<String, OcppAction<?, ?>>> actions = new HashMap<>();
    private final Map<String, PayloadValidator> validators = new HashMap<>();
    private final PendingCalls pendingCalls;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public CallDispatcher(Instance<ActionFamily> families, Instance<PayloadValidator> validators,
                          PendingCalls pendingCalls, Clock clock, MeterRegistry meters) {
        for (ActionFamily family : families) {
            Map<String, OcppAction<?, ?>> byName = actions.computeIfAbsent(family.subprotocol(), p -> new HashMap<>());
            for (OcppAction<?, ?> action : family.actions()) {
                if (byName.put(action.name(), action) != null) {
                    throw new IllegalStateException("Two handlers for " + family.subprotocol() + " " + action.name());
                }
            }
        }
        for (PayloadValidator validator : validators) {
            this.validators.put(validator.subprotocol(), validator);
        }
        this.pendingCalls = pendingCalls;
        this.clock = clock;
        this.meters = meters;
    }

    /** The subprotocols (OCPP versions) the gateway can speak. */
    public Set<String> subprotocols() {
        return actions.keySet();
    }

    /** The frame to send back, or null when the frame needs no answer (an answer to one of our CALLs). */
    public Uni<String> onFrame(String subprotocol, String chargePointId, Admission admission, String text) {
        Instant receivedAt = clock.instant();
        OcppFrame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (MalformedFrame e) {
            if (e.isAnswer()) {
                Log.debugf("Dropped a malformed answer from %s: %s", chargePointId, e.getMessage());
                return discarded("malformed-answer");
            }
            boolean ocpp201 = Ocpp201.SUBPROTOCOL.equals(subprotocol);
            if (e.isUnknownType() && !ocpp201) {
                // OCPP-J 1.6 section 4.1.3: a message type that is not in the list is ignored
                Log.debugf("Ignored a frame of unknown message type from %s: %s", chargePointId, abbreviated(text));
                return discarded("unknown-message-type");
            }
            Log.debugf("Malformed frame from %s: %s", chargePointId, e.getMessage());
            meters.counter(DISCARDED, "reason", e.isUnknownType() ? "unknown-message-type" : "malformed").increment();
            OcppError error = ocpp201 ? asOcpp201FrameError(e) : e;
            return Uni.createFrom().item(FrameCodec.encode(FrameCodec.errorFor(e.messageId(), error, subprotocol)));
        }
        if (frame instanceof Call call) {
            return answer(subprotocol, new CallContext(chargePointId, call.messageId(), receivedAt, admission), call);
        }
        if (!pendingCalls.resolve(chargePointId, frame)) {
            // usually a late answer, after its call timed out
            Log.debugf("Dropped an answer from %s to unknown message id %s", chargePointId, frame.messageId());
            return discarded("unknown-message-id");
        }
        return Uni.createFrom().nullItem();
    }

    private Uni<String> discarded(String reason) {
        meters.counter(DISCARDED, "reason", reason).increment();
        return Uni.createFrom().nullItem();
    }

    private Uni<String> answer(String subprotocol, CallContext context, Call call) {
        long started = System.nanoTime();
        return Uni.createFrom().deferred(() -> dispatch(subprotocol, context, call))
                .map(result -> {
                    String answer = FrameCodec.encode(new CallResult(call.messageId(), OcppJson.mapper().valueToTree(result)));
                    timer(subprotocol, call.action(), "result").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    return answer;
                })
                .onFailure().recoverWithItem(failure -> {
                    String answer = FrameCodec.encode(FrameCodec.errorFor(call.messageId(),
                            asOcppError(context, call, failure), subprotocol));
                    timer(subprotocol, call.action(), "error").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    return answer;
                });
    }

    /**
     * How long the gateway took to answer a CALL, from its frame to the encoded answer (Kafka's ack
     * included), by action: {@code ocpp_call_seconds} with p50, p99 and p99.9 over the last minutes.
     * Only actions the gateway knows become a tag value, so a charger cannot grow the metrics.
     */
    private Timer timer(String subprotocol, String action, String outcome) {
        String known = actions.getOrDefault(subprotocol, Map.of()).containsKey(action) ? action : "other";
        // made once per action and outcome: the builder and its lookup stay off the path of every frame
        return timers.computeIfAbsent(known + ' ' + outcome, key -> Timer.builder("ocpp.call")
                .description("Time from a charger's CALL to the gateway's answer")
                .tags("action", known, "outcome", outcome)
                .publishPercentiles(0.5, 0.99, 0.999)
                .register(meters));
    }

    private Uni<?> dispatch(String subprotocol, CallContext context, Call call) {
        OcppAction<?, ?> action = actions.getOrDefault(subprotocol, Map.of()).get(call.action());
        PayloadValidator validator = validators.get(subprotocol);
        if (action == null) {
            if (validator != null && validator.isKnownAction(call.action())) {
                throw new OcppError(ErrorCode.NotSupported,
                        call.action() + " is an action the central system sends, not one it receives");
            }
            throw new OcppError(ErrorCode.NotImplemented, "Action " + call.action() + " is not implemented");
        }
        if (validator != null) {
            validator.validate(call.action(), call.payload());
        }
        return action.handle(context, call.payload());
    }

    /**
     * OCPP-J 2.0.1 (part 4, section 4.3) answers an unknown message type with MessageTypeNotSupported
     * where 1.6 ignores it, and a frame that is not a valid RPC message with RpcFrameworkError where
     * 1.6 says FormationViolation (2.0.1 keeps FormatViolation for a payload at fault).
     */
    private static OcppError asOcpp201FrameError(MalformedFrame e) {
        if (e.isUnknownType()) {
            return new OcppError(ErrorCode.MessageTypeNotSupported, e.getMessage());
        }
        return e.code() == ErrorCode.FormationViolation ? new OcppError(ErrorCode.RpcFrameworkError, e.getMessage()) : e;
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static OcppError asOcppError(CallContext context, Call call, Throwable failure) {
        if (failure instanceof OcppError error) {
            Log.debugf("%s %s from %s refused: %s %s", call.action(), call.messageId(), context.chargePointId(),
                    error.code(), error.getMessage());
            return error;
        }
        Log.warnf(failure, "%s %s from %s failed; answered InternalError so that the charger retries", call.action(),
                call.messageId(), context.chargePointId());
        return new OcppError(ErrorCode.InternalError,
                "The central system could not process " + call.action() + " now; please retry");
    }
}
