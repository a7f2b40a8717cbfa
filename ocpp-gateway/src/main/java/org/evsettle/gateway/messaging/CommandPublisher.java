package org.evsettle.gateway.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.evsettle.events.EventIds;
import org.evsettle.events.Envelope;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * Puts a command that arrived over the API on {@code ocpp.commands} (keyed by chargePointId) when
 * another replica holds the charger's socket; completes once Kafka acknowledged it.
 */
@ApplicationScoped
public class CommandPublisher {

    public static final String CHANNEL = "ocpp-commands";
    private final MutinyEmitter<Envelope<?>> emitter;
    private final Duration timeout;

    public CommandPublisher(@Channel(CHANNEL) MutinyEmitter<Envelope<?>> emitter, GatewaySettings settings) {
        this.emitter = emitter;
        this.timeout = settings.publishTimeout();
    }

    public Uni<Void> publish(ChargerCommandRequested command) {
        Envelope<?> envelope = Envelope.of(EventIds.nameBased(command.commandId(), "charger-command-requested"),
                OcppEventPublisher.SOURCE, command, command.requestedAt());
        Message<Envelope<?>> message = Message.<Envelope<?>>of(envelope)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.subject()).build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(timeout)
                .failWith(() -> new IllegalStateException("Kafka did not acknowledge command " + command.commandId()));
    }
}
