package org.evsettle.gateway.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.CloudEventHeaders;
import org.evsettle.events.kafka.EnvelopeRecords;
import org.evsettle.events.ocpp.ChargerCommandAnswered;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.events.ocpp.ChargerPasswordIssued;
import org.evsettle.events.tariffs.RunningCostCalculated;
import org.evsettle.gateway.ChargerCommands;
import org.evsettle.gateway.CostDisplay;
import org.evsettle.gateway.IssuedPasswords;

/**
 * Every replica's view of the command traffic: reads all partitions of {@code ocpp.commands} (the
 * commands, so that the replica holding a socket executes them), of {@code tariffs.running-costs} (each a
 * CostUpdated for a station's display, executed as a command by {@link CostDisplay}) and of {@code ocpp.events} (only the
 * command answers, so that a forwarded API request learns its outcome, and the passwords replicas
 * issued to chargers, so that a charger that accepted its own password on one replica is admitted by
 * another before the registry carries it; told apart by their {@code ce_type} header before anything
 * is deserialized). It starts at the end of both topics: a command older than the replica is not its
 * business.
 */
@ApplicationScoped
public class CommandRelay {

    private static final String REQUESTED = EventCatalog.CHARGER_COMMAND_REQUESTED.ceType();
    private static final String ANSWERED = EventCatalog.CHARGER_COMMAND_ANSWERED.ceType();
    private static final String PASSWORD_ISSUED = EventCatalog.CHARGER_PASSWORD_ISSUED.ceType();
    private static final String RUNNING_COST = EventCatalog.RUNNING_COST_CALCULATED.ceType();

    private final ChargerCommands commands;
    private final IssuedPasswords issuedPasswords;
    private final CostDisplay costDisplay;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final PartitionReader reader;

    public CommandRelay(ChargerCommands commands, IssuedPasswords issuedPasswords, CostDisplay costDisplay,
                        @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.commands = commands;
        this.issuedPasswords = issuedPasswords;
        this.costDisplay = costDisplay;
        this.reader = new PartitionReader("command-relay",
                List.of(Topics.OCPP_COMMANDS, Topics.TARIFFS_RUNNING_COSTS, Topics.OCPP_EVENTS),
                PartitionReader.Start.END, kafka, this::relay, assigned::countDown);
    }

    void start(@Observes StartupEvent startup) {
        reader.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        reader.stop();
    }

    /** True once the relay reads its topics (a command published before that is not seen). */
    public boolean awaitAssigned(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void relay(ConsumerRecord<String, byte[]> record) {
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        if (!REQUESTED.equals(type) && !ANSWERED.equals(type) && !PASSWORD_ISSUED.equals(type)
                && !RUNNING_COST.equals(type)) {
            return;
        }
        Envelope<?> envelope = EnvelopeRecords.read(record);
        if (envelope.data() instanceof ChargerCommandRequested requested) {
            commands.requested(requested);
        } else if (envelope.data() instanceof ChargerCommandAnswered answered) {
            commands.answered(answered);
        } else if (envelope.data() instanceof RunningCostCalculated cost) {
            commands.requested(costDisplay.costUpdated(cost));
        } else if (envelope.data() instanceof ChargerPasswordIssued issued) {
            issuedPasswords.confirmed(issued.chargePointId(), issued.operatorId(), issued.ocppPasswordHash());
        } else {
            Log.warnf("Skipped an unreadable %s at %s-%d@%d", type, record.topic(), record.partition(), record.offset());
        }
    }
}
