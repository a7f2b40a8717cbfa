package org.evsettle.gateway.messaging;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.evsettle.events.Envelope;
import org.evsettle.events.ocpp.OcppEvent;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.ocpp.ErrorCode;
import org.evsettle.gateway.ocpp.OcppError;

/**
 * Publishes what chargers report on {@code ocpp.events}, keyed by chargePointId, and completes only
 * once Kafka acknowledged the write (acks=all, idempotent producer): the gateway answers a charger
 * after that, so a charger that got its answer never loses data, and one that did not retries. An
 * event larger than Kafka takes fails as a GenericError, which a retry would not cure.
 * No outbox: the gateway has nothing of its own to store with the event.
 */
@ApplicationScoped
public class OcppEventPublisher {

    public static final String CHANNEL = "ocpp-events";
    public static final String SOURCE = "ocpp-gateway";

    private final MutinyEmitter<Envelope<?>> emitter;
    private final Duration timeout;

    public OcppEventPublisher(@Channel(CHANNEL) MutinyEmitter<Envelope<?>> emitter, GatewaySettings settings) {
        this.emitter = emitter;
        this.timeout = settings.publishTimeout();
    }

    /** Sends the event with its deterministic id, stamped with the gateway's receipt time; fails if Kafka does not ack. */
    public Uni<Void> publish(UUID eventId, OcppEvent event, Instant receivedAt) {
        Envelope<?> envelope = Envelope.of(eventId, SOURCE, event, receivedAt);
        Message<Envelope<?>> message = Message.<Envelope<?>>of(envelope)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.subject()).build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(timeout)
                .failWith(() -> new IllegalStateException("Kafka did not acknowledge " + envelope.type() + " within " + timeout))
                .onFailure().invoke(failure -> Log.warnf("Could not publish %s %s of %s: %s", envelope.type(),
                        envelope.id(), envelope.subject(), failure.toString()))
                // a retry would be as large: the charger is told so, instead of InternalError (retry) for ever
                .onFailure(RecordTooLargeException.class).transform(tooLarge -> new OcppError(ErrorCode.GenericError,
                        "The message is too large for the central system to store; sending it again will not help"));
    }

    /**
     * Sends an event that nobody waits for (a connection opened or closed, a command's outcome): a
     * failure is logged, never thrown at the caller.
     */
    public void publishInBackground(UUID eventId, OcppEvent event, Instant at) {
        publish(eventId, event, at).subscribe().with(sent -> { }, failure -> { });
    }
}
