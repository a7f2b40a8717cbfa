package org.evsettle.gateway.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.CloudEventHeaders;
import org.evsettle.events.kafka.EnvelopeRecords;
import org.evsettle.events.ocpp.ChargerPasswordIssued;
import org.evsettle.gateway.IssuedPasswords;

/**
 * Tells every replica of the passwords the others issued: a charger that accepted its own password on
 * one replica may reconnect to another before the registry carries it. Reads {@code ocpp.events} from
 * the end (every partition, no group), keeping only {@code ChargerPasswordIssued}, told apart by its
 * {@code ce_type} header before anything is deserialized.
 */
@ApplicationScoped
public class IssuedPasswordFollower {

    private static final String ISSUED = EventCatalog.CHARGER_PASSWORD_ISSUED.ceType();

    private final IssuedPasswords issued;
    private final PartitionReader reader;

    public IssuedPasswordFollower(IssuedPasswords issued, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.issued = issued;
        this.reader = new PartitionReader("issued-password-follower", List.of(Topics.OCPP_EVENTS),
                PartitionReader.Start.END, kafka, this::apply, () -> { });
    }

    void start(@Observes StartupEvent startup) {
        reader.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        reader.stop();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (ISSUED.equals(CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE))
                && EnvelopeRecords.read(record).data() instanceof ChargerPasswordIssued password) {
            issued.confirmed(password.chargePointId(), password.operatorId(), password.ocppPasswordHash());
        }
    }
}
