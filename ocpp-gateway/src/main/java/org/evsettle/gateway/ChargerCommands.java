package org.evsettle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.ChargerCommandAnswered;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.messaging.CommandPublisher;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.CallSender;
import org.evsettle.gateway.ocpp.ErrorCode;
import org.evsettle.gateway.ocpp.OcppError;
import org.evsettle.gateway.ocpp.OcppJson;
import org.evsettle.gateway.ocpp.v16.Ocpp16Command;
import org.evsettle.gateway.ocpp.v16.Ocpp16Schemas;
import org.evsettle.gateway.ocpp.v201.Ocpp201Commands;
import org.evsettle.gateway.ocpp.v201.Ocpp201Schemas;
import org.evsettle.gateway.ocpp.v201.RemoteStartIds;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Problem;

/**
 * Commands for chargers (RemoteStartTransaction, Reset, ...), wherever they come from, executed by
 * the replica that holds the charger's socket. Every replica reads {@code ocpp.commands}; the holder
 * executes, the others stay silent, and when no live replica holds the socket each answers
 * NOT_CONNECTED (with the same event id, so consumers see one answer). A REST request on a replica
 * that does not hold the socket is published on {@code ocpp.commands} and waits for the holder's
 * {@code ChargerCommandAnswered}. Every outcome is published on {@code ocpp.events} and counted
 * ({@code ocpp_commands_total} by action and outcome). Whatever its source, a command goes to the charger
 * only as {@link CommandScope} allows: for the charger's operator in the registry, with that operator's
 * cards; a record from the topic that breaks it is answered REFUSED, logged, and never sent. A command is a
 * 1.6 or a 2.0.1 one; the replica holding the socket routes it by the version the connection speaks
 * ({@link Ocpp201Commands}): translated for a 2.0.1 station where OCPP has an equivalent, else REFUSED unsent; a
 * CostUpdated only where the station shows costs ({@link CostDisplay}). A commandId this replica executed (of the
 * last 10,000) is not executed again.
 */
@ApplicationScoped
public class ChargerCommands {

    /** How long a forwarding replica waits beyond the deadline for the holder's answer to travel back. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(3);
    private static final int REMEMBERED_COMMANDS = 10_000;
    /** The longest an API caller may wait for a command's outcome. */
    public static final int LONGEST_WAIT_SECONDS = 300;
    /** Every command the gateway sends, of OCPP 1.6 and of 2.0.1, in name order. */
    public static final Set<String> ACTIONS = Collections.unmodifiableSet(new TreeSet<>(
            Stream.concat(Ocpp16Schemas.COMMANDS.stream(), Ocpp201Schemas.COMMANDS.stream()).toList()));

    private final ChargerConnections connections;
    private final ChargerPresence presence;
    private final GatewayReplica replica;
    private final CallSender sender;
    private final OcppEventPublisher events;
    private final CommandPublisher commands;
    private final CommandScope scope;
    private final Reservations reservations;
    private final TransactionIds transactionIds;
    private final RemoteStartIds remoteStartIds;
    private final CostDisplay costDisplay;
    private final Clock clock;
    private final Duration defaultTimeout;
    private final MeterRegistry meters;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<ChargerCommandAnswered>> waiting = new ConcurrentHashMap<>();
    private final Set<UUID> executed = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                    return size() > REMEMBERED_COMMANDS;
                }
            }));

    public ChargerCommands(ChargerConnections connections, ChargerPresence presence, GatewayReplica replica,
                           CallSender sender, OcppEventPublisher events, CommandPublisher commands, CommandScope scope,
                           Reservations reservations, TransactionIds transactionIds, RemoteStartIds remoteStartIds,
                           CostDisplay costDisplay, Clock clock, GatewaySettings settings, MeterRegistry meters) {
        this.connections = connections;
        this.presence = presence;
        this.replica = replica;
        this.sender = sender;
        this.events = events;
        this.commands = commands;
        this.scope = scope;
        this.reservations = reservations;
        this.transactionIds = transactionIds;
        this.remoteStartIds = remoteStartIds;
        this.costDisplay = costDisplay;
        this.clock = clock;
        this.defaultTimeout = settings.commandTimeout();
        this.meters = meters;
    }

    /**
     * A command ready to go: its action is one the gateway sends, its payload fits that action's schema, and
     * it is sent for operatorId, the charger's operator.
     */
    public record Command(UUID commandId, String chargePointId, UUID operatorId, String action, ObjectNode payload,
                          String requestedBy, Instant requestedAt, Duration timeout) {
        public Instant deadline() {
            return requestedAt.plus(timeout);
        }
    }

    /** A 1.6 command the gateway sends itself (load limits, certificates); a 2.0.1 station gets it translated. */
    public Command command(String chargePointId, UUID operatorId, Ocpp16Command action, JsonNode payload,
                           String requestedBy, Optional<Duration> wait) {
        return command(chargePointId, operatorId, action.name(), payload, requestedBy, wait);
    }

    /**
     * A command as an API caller asks for it (action as {@link #action} names it), checked before anything is
     * sent: the payload (none for ClearCache and GetLocalListVersion) must fit the action's OCPP 1.6 or 2.0.1
     * schema, else a 400 names the field; an idTag or idToken that is no card of the charger's operator
     * (operatorId) is a 422 naming the field; the caller waits {@code command-timeout} unless it names a wait of
     * its own. Whether the charger's version takes it is decided where the socket is.
     */
    public Command command(String chargePointId, UUID operatorId, String action, JsonNode payload,
                           String requestedBy, Optional<Duration> wait) {
        JsonNode body = payload == null || payload.isNull() ? emptyPayload() : payload;
        try {
            validate(action, body);
        } catch (OcppError refused) {
            throw DomainException.invalid(refused.field() != null ? refused.field() : "body", describe(action, refused));
        }
        scope.refusal(chargePointId, operatorId, action, body).ifPresent(refusal -> {
            if (refusal.field() == null) {
                throw DomainException.notFound("Charger", chargePointId);
            }
            throw DomainException.unprocessable(action + " may only name cards of the charger's operator",
                    List.of(new Problem.Violation(refusal.field(), refusal.reason())));
        });
        return new Command(UUID.randomUUID(), chargePointId, operatorId, action, (ObjectNode) body, requestedBy,
                clock.instant(), wait.orElse(defaultTimeout));
    }

    /** The command of this name, in any case, as OCPP spells it; a 400 naming every command for any other. */
    public static String action(String name) {
        String wanted = name == null ? "" : name.trim();
        return ACTIONS.stream().filter(action -> action.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> DomainException.invalid("action", "must be one of " + String.join(", ", ACTIONS)));
    }

    /** The rule a field breaks, without repeating the field's name, with the OCPP error code it maps to. */
    private static String describe(String action, OcppError refused) {
        String message = refused.getMessage();
        if (refused.field() != null && message.startsWith(refused.field() + " ")) {
            message = message.substring(refused.field().length() + 1);
        }
        String version = Ocpp16Schemas.COMMANDS.contains(action) ? "OCPP 1.6" : "OCPP 2.0.1";
        return message + " (" + (refused.code() == ErrorCode.FormationViolation ? "not in the " + version + " schema"
                : refused.code().name()) + ")";
    }

    /**
     * Checks an action and its payload against the OCPP 1.6 and 2.0.1 schemas: it must fit the schema of a
     * version that has the action; throws {@link OcppError} naming the field at fault (the 1.6 schema's
     * complaint where both versions have the action; NotSupported for an action the gateway does not send).
     */
    public static void validate(String action, JsonNode payload) {
        boolean in16 = Ocpp16Schemas.COMMANDS.contains(action);
        boolean in201 = Ocpp201Schemas.COMMANDS.contains(action);
        if (!in16 && !in201) {
            throw new OcppError(ErrorCode.NotSupported, action + " is not a command the gateway sends", "action");
        }
        if (in201) {
            try {
                Ocpp201Schemas.request(action).orElseThrow().validate(payload);
                return;
            } catch (OcppError broken) {
                if (!in16) {
                    throw broken;
                }
            }
        }
        Ocpp16Schemas.request(action).orElseThrow().validate(payload);
    }

    /** Executes a command requested over the API, here or on the replica holding the socket. */
    public Uni<ChargerCommandAnswered> request(Command command) {
        if (connections.holds(command.chargePointId())) {
            return executeHere(command);
        }
        return Uni.createFrom().item(() -> presence.holder(command.chargePointId()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(holder -> {
                    if (holder.isPresent() && holder.get().alive() && !holder.get().replicaId().equals(replica.id())) {
                        return forward(command, holder.get().replicaId());
                    }
                    ChargerCommandAnswered answer = answered(command,
                            CallOutcome.notConnected(command.chargePointId() + " is not connected"));
                    publish(answer);
                    return Uni.createFrom().item(answer);
                });
    }

    /**
     * A command from {@code ocpp.commands} (called by the relay's thread, which may block). Anyone who can
     * write to the topic can write a record, so it is checked as the API checks a caller: a record whose
     * operator is not the charger's (or names none), for a charger the registry does not know, or with an
     * idTag that is no card of the charger's operator is answered REFUSED and never sent.
     */
    public void requested(ChargerCommandRequested event) {
        boolean here = connections.holds(event.chargePointId());
        if (!here) {
            Optional<ChargerPresence.Holder> holder = presence.holder(event.chargePointId());
            if (holder.isPresent() && holder.get().alive() && !holder.get().replicaId().equals(replica.id())) {
                return; // the holder executes it
            }
            if (waiting.containsKey(event.commandId())) {
                return; // our own forwarded request; its waiter answers NOT_CONNECTED or TIMED_OUT itself
            }
        }
        if (here && !executed.add(event.commandId())) {
            Log.debugf("Ignored command %s for %s: already executed", event.commandId(), event.chargePointId());
            return;
        }
        JsonNode payload = event.payload() == null ? emptyPayload() : event.payload();
        Optional<CommandScope.Refusal> refusal = scope.refusal(event.chargePointId(), event.operatorId(),
                String.valueOf(event.action()), payload);
        if (refusal.isPresent()) {
            String reason = refusal.get().field() == null ? refusal.get().reason()
                    : refusal.get().field() + " " + refusal.get().reason();
            // who asked is in the command's record (its commandId names it); a log carries no user names
            Log.warnf("Refused command %s %s for %s from ocpp.commands (for operator %s): %s",
                    event.action(), event.commandId(), event.chargePointId(), event.operatorId(), reason);
            publish(answered(event, CallOutcome.refused(reason)));
            return;
        }
        if (!here) {
            publish(answered(event, CallOutcome.notConnected(event.chargePointId() + " is not connected")));
            return;
        }
        Duration timeout = event.timeoutSeconds() > 0 ? Duration.ofSeconds(event.timeoutSeconds()) : defaultTimeout;
        Instant requestedAt = event.requestedAt() != null ? event.requestedAt() : clock.instant();
        try {
            validate(event.action(), event.payload());
        } catch (OcppError refused) {
            publish(answered(event, CallOutcome.callError(refused.code().name(), refused.getMessage())));
            return;
        }
        executeHere(new Command(event.commandId(), event.chargePointId(), event.operatorId(), event.action(),
                (ObjectNode) event.payload(), event.requestedBy(), requestedAt, timeout)).subscribe()
                .with(done -> { }, failure -> Log.warnf("Command %s for %s failed: %s", event.commandId(),
                        event.chargePointId(), failure.toString()));
    }

    /** An outcome another replica published: completes a forwarded request that waits for it. */
    public void answered(ChargerCommandAnswered answer) {
        CompletableFuture<ChargerCommandAnswered> waiter = waiting.remove(answer.commandId());
        if (waiter != null) {
            waiter.complete(answer);
        }
    }

    private Uni<ChargerCommandAnswered> executeHere(Command command) {
        executed.add(command.commandId());
        WebSocketConnection socket = connections.socket(command.chargePointId()).orElse(null);
        if (socket == null) {
            // gone since it was looked up: without a connection there is no version to judge the command by
            ChargerCommandAnswered gone = answered(command,
                    CallOutcome.notConnected(command.chargePointId() + " is not connected"));
            publish(gone);
            return Uni.createFrom().item(gone);
        }
        String subprotocol = socket.subprotocol();
        // a translation may look up the station's transactionId or draw a remoteStartId, CostDisplay whether a
        // transaction ended: off the event loop
        return Uni.createFrom().item(() -> costDisplay.route(command.chargePointId(), socket.id(),
                        route(command, subprotocol)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(route -> {
                    if (route instanceof Ocpp201Commands.Refused refused) {
                        Log.debugf("Refused %s %s for %s (%s): %s", command.action(), command.commandId(),
                                command.chargePointId(), subprotocol, refused.reason());
                        return Uni.createFrom().item(CallOutcome.refused(refused.reason()));
                    }
                    Ocpp201Commands.Send send = (Ocpp201Commands.Send) route;
                    Log.debugf("Sending %s %s to %s as %s", command.action(), command.commandId(),
                            command.chargePointId(), send.action());
                    return sender.send(command.chargePointId(), command.commandId().toString(), send.action(),
                                    send.payload(), command.deadline())
                            .invoke(outcome -> costDisplay.answered(command.chargePointId(), socket.id(), send.action(),
                                    outcome))
                            .call(outcome -> kept(command, send, outcome));
                })
                .map(outcome -> answered(command, outcome))
                .invoke(this::publish);
    }

    /** The command as the connection's version takes it (blocking look-ups). */
    Ocpp201Commands.Route route(Command command, String subprotocol) {
        return Ocpp201Commands.route(subprotocol, command.action(), command.payload(),
                lookups(command.chargePointId()));
    }

    private Ocpp201Commands.StationLookups lookups(String chargePointId) {
        return new Ocpp201Commands.StationLookups() {
            @Override
            public Optional<String> stationTransactionId(int transactionId) {
                return transactionIds.stationTransactionId(chargePointId, transactionId);
            }

            @Override
            public int nextRemoteStartId() {
                return remoteStartIds.next();
            }
        };
    }

    /** What an answer decided that the gateway keeps (a reservation) before the answer is told to anyone. */
    private Uni<Void> kept(Command command, Ocpp201Commands.Send sent, CallOutcome outcome) {
        if (!Reservations.COMMANDS.contains(sent.action())) {
            return Uni.createFrom().voidItem();
        }
        // kept in its 1.6 form whichever version went out: the same reservation either way
        JsonNode reservation = sent.action().equals("ReserveNow") ? Ocpp201Commands.reservationOf(command.payload())
                : command.payload();
        return Uni.createFrom().item(() -> {
                    reservations.answered(command.chargePointId(), sent.action(), reservation, outcome,
                            command.requestedBy(), clock.instant());
                    return (Void) null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Uni<ChargerCommandAnswered> forward(Command command, String holder) {
        CompletableFuture<ChargerCommandAnswered> answer = new CompletableFuture<>();
        waiting.put(command.commandId(), answer);
        Duration wait = Duration.between(clock.instant(), command.deadline()).plus(ANSWER_GRACE);
        Log.debugf("Forwarding %s %s for %s to replica %s", command.action(), command.commandId(),
                command.chargePointId(), holder);
        return commands.publish(new ChargerCommandRequested(command.commandId(), command.chargePointId(),
                        command.action(), command.payload(), command.requestedBy(), command.requestedAt(),
                        (int) Math.max(1, command.timeout().toSeconds()), command.operatorId()))
                .chain(() -> Uni.createFrom().completionStage(answer))
                .ifNoItem().after(wait.isNegative() ? Duration.ofMillis(1) : wait)
                .recoverWithItem(() -> answered(command,
                        CallOutcome.timedOut("No answer from the replica holding " + command.chargePointId())))
                .onTermination().invoke(() -> waiting.remove(command.commandId()));
    }

    private ChargerCommandAnswered answered(Command command, CallOutcome outcome) {
        return new ChargerCommandAnswered(command.commandId(), command.chargePointId(), command.action(),
                outcome.outcome().name(), outcome.response(), outcome.errorCode(), outcome.errorDescription(),
                clock.instant());
    }

    private ChargerCommandAnswered answered(ChargerCommandRequested event, CallOutcome outcome) {
        return new ChargerCommandAnswered(event.commandId(), event.chargePointId(), event.action(),
                outcome.outcome().name(), outcome.response(), outcome.errorCode(), outcome.errorDescription(),
                clock.instant());
    }

    private void publish(ChargerCommandAnswered answer) {
        // a command from the topic may name any action: only the ones the gateway sends become tag values
        String action = ACTIONS.contains(answer.action()) ? answer.action() : "other";
        outcomes.computeIfAbsent(action + ' ' + answer.outcome(), key -> Counter.builder("ocpp.commands")
                .description("Commands for chargers by how they ended (on this replica)")
                .tags("action", action, "outcome", answer.outcome())
                .register(meters)).increment();
        events.publishInBackground(EventIds.nameBased(answer.commandId(), "charger-command-answered"), answer,
                answer.answeredAt());
    }

    /** An empty payload for commands without fields (ClearCache, GetLocalListVersion). */
    public static ObjectNode emptyPayload() {
        return OcppJson.mapper().createObjectNode();
    }
}
