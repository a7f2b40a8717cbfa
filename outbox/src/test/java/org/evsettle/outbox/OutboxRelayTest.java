package org.evsettle.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evsettle.events.Topics;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay: events of one key reach Kafka in the order their changes committed, also when many
 * transactions and two relays run at once, and a relay that dies between Kafka's acknowledgement and
 * its own commit sends the same events again, with the same ids, for consumers to drop.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(OutboxTestTopics.class)
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    Counters counters;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Tables tables;

    @Test
    void keepsTheOrderOfEachKeyWhileManyTransactionsAndTwoRelaysRunAtOnce() throws Exception {
        List<UUID> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keys.add(UUID.randomUUID());
        }
        int changesPerKey = 60;
        OutboxRelay second = new OutboxRelay(dataSource, "outbox-test-second", KitFixtures.bootstrap(), 50,
                Duration.ofMillis(20));
        second.start(null);
        ExecutorService writers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 6; writer++) {
                done.add(writers.submit(() -> {
                    for (int change = 0; change < changesPerKey * keys.size() / 6; change++) {
                        counters.change(keys.get((int) (Math.random() * keys.size())));
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdown();
        }
        await().atMost(WAIT).until(() -> tables.count("SELECT count(*) FROM outbox_event") == 0);
        second.stop(null);

        Map<String, List<Long>> sent = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : KitFixtures.readAll(Topics.INVOICES_EVENTS, Duration.ofSeconds(3))) {
            if (keys.contains(UUID.fromString(record.key()))) {
                assertThat(ids.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)))
                        .as("each event is sent once").isTrue();
                sent.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(Counters.numberIn(record));
            }
        }
        for (UUID key : keys) {
            long changes = tables.count("SELECT value FROM counter WHERE id = ?", key.toString());
            List<Long> expected = new ArrayList<>();
            for (long value = 1; value <= changes; value++) {
                expected.add(value);
            }
            assertThat(sent.get(key.toString())).as("key %s in commit order", key).isEqualTo(expected);
        }
    }

    @Test
    void sendsTheSameEventsAgainWithTheSameIdsWhenTheRelayDiesBeforeItsCommit() {
        UUID key = UUID.randomUUID();
        tables.execute("CREATE OR REPLACE TRIGGER relay_fault BEFORE DELETE ON outbox_event FOR EACH ROW"
                + " EXECUTE FUNCTION refuse_outbox_delete()");
        tables.execute("INSERT INTO relay_fault VALUES (1)");
        try {
            long refusedBefore = tables.count("SELECT nextval('relay_fault_hits')");
            counters.change(key);
            counters.change(key);
            // each refused delete follows a batch Kafka acknowledged: two mean the events were sent twice
            await().atMost(WAIT).until(() -> tables.count("SELECT last_value FROM relay_fault_hits") >= refusedBefore + 4);
            assertThat(tables.count("SELECT count(*) FROM outbox_event WHERE message_key = ?", key.toString()))
                    .as("nothing is lost while the relay cannot finish").isEqualTo(2);
        } finally {
            tables.execute("DELETE FROM relay_fault");
        }
        await().atMost(WAIT).until(() -> tables.count("SELECT count(*) FROM outbox_event WHERE message_key = ?",
                key.toString()) == 0);

        List<ConsumerRecord<String, byte[]>> sent = KitFixtures.readAll(Topics.INVOICES_EVENTS, Duration.ofSeconds(2))
                .stream().filter(record -> record.key().equals(key.toString())).toList();
        Set<String> ids = new HashSet<>();
        sent.forEach(record -> ids.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)));
        assertThat(sent.size()).isGreaterThan(2);
        assertThat(ids).as("a resend repeats the ids, so consumers drop it").hasSize(2);
        assertThat(sent.stream().map(Counters::numberIn).distinct().toList()).containsExactly(1L, 2L);
    }
}
