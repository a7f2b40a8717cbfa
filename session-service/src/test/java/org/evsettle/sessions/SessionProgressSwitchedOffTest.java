package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.SessionWaits.awaitCompleted;
import static org.evsettle.sessions.SessionWaits.progress;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.sessions.messaging.OcppEventHandler;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With {@code evsettle.sessions.running-cost.enabled=false} a station's session publishes no progress. */
@QuarkusTest
@TestProfile(SessionProgressSwitchedOffTest.RunningCostOff.class)
@WithTestResource(InfrastructureResource.class)
class SessionProgressSwitchedOffTest {

    public static class RunningCostOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evsettle.sessions.running-cost.enabled", "false");
        }
    }

    private static final Instant T0 = Instant.parse("2026-03-05T18:00:00Z");

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @Inject
    OcppEventHandler handler;

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void publishesNoProgressOfAStationsSession() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        handler.apply(List.of(tx.stationStarted("off-1", 10_000, T0),
                tx.stationSampled("off-1", 1, T0.plus(Duration.ofMinutes(10)), "12.0")));
        handler.apply(List.of(tx.stationEnded("off-1", 2, List.of(), 14_000, T0.plus(Duration.ofMinutes(20)))));

        assertThat(awaitCompleted(topics, tx.sessionId()).energyWh()).isEqualTo(4_000);
        assertThat(progress(topics, tx.sessionId())).isEmpty();
    }
}
