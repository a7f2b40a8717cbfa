package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.SessionWaits.PATIENCE;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.evsettle.events.ocpp.ChargeAuthorization;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The charge report names an erased driver by the pseudonym the registry gives them, and their card by nothing. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ErasedDriverReportTest {

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void anErasedDriversNameAndCardLabelLeaveTheChargeReport() {
        UUID operatorId = UUID.randomUUID();
        UUID siteId = UUID.randomUUID();
        UUID carla = UUID.randomUUID();
        UUID card = UUID.randomUUID();
        Registry registry = new Registry(topics);
        registry.operator(operatorId, "Woonstichting De Linde", "Europe/Amsterdam");
        registry.site(siteId, operatorId, "Lindelaan garage");
        registry.driver(carla, operatorId, "Carla Smit", "RESIDENT");
        registry.card(card, operatorId, carla, "04A2B3D7", "Carla's Zoe");
        ChargerReports tx = aTransaction(new ChargeAuthorization("Accepted", operatorId, siteId, UUID.randomUUID(),
                card, carla));
        Instant start = Instant.parse("2026-03-10T10:00:00Z");
        topics.publish(tx.started(1_000, start));
        topics.publish(tx.stopped(9_000, start.plus(Duration.ofMinutes(45))));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ChargingSession.<ChargingSession>findByIdOptional(tx.sessionId())
                        .map(session -> session.status == SessionStatus.COMPLETED).orElse(false)));
        String report = "/api/reports/sessions?operatorId=" + operatorId + "&from=2026-03-01&to=2026-03-31";
        String admin = TestTokens.operatorAdmin(operatorId);
        given().auth().oauth2(admin).get(report).then().statusCode(200)
                .body("sessions[0].driverName", equalTo("Carla Smit"))
                .body("sessions[0].cardLabel", equalTo("Carla's Zoe"));

        // what user-service publishes when it erases the driver
        String pseudonym = "Erased driver " + carla.toString().substring(0, 8);
        topics.publish("user-service", new DriverRecord(carla, 2, operatorId, pseudonym, null, null, "RESIDENT", null,
                null, "ERASED", null, null, null, null));
        topics.publish("user-service", new CardRecord(card, 2, operatorId, carla, "04A2B3D7", null, "BLOCKED",
                "driver is erased", null));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> Card.<Card>findById(card).revision == 2 && Driver.<Driver>findById(carla).revision == 2));

        String body = given().auth().oauth2(admin).get(report).then().statusCode(200)
                .body("sessions[0].driverName", equalTo(pseudonym))
                .body("sessions[0].cardLabel", equalTo(null))
                .extract().asString();
        assertThat(body).doesNotContain("Carla");
        assertThat(given().auth().oauth2(admin).get(report + "&format=csv").then().statusCode(200).extract().asString())
                .doesNotContain("Carla").contains(pseudonym);
    }
}
