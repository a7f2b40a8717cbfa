package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anIdTag;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** Cards turn EXPIRED once the operator's own date is past their validUntil, and come back when renewed. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class CardExpiryTest {

    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

    @Inject
    CardExpiry expiry;

    private final PublishedRegistry registry = PublishedRegistry.shared();

    @Test
    void expiresACardAfterItsLastDayInTheOperatorsTimeZoneOnly() {
        LocalDate lastDay = LocalDate.now(KIRITIMATI);
        Card early = cardOfOperatorIn("Pacific/Kiritimati", lastDay);
        Card late = cardOfOperatorIn("America/Los_Angeles", lastDay);
        // the first minute of the next day on Kiritimati (UTC+14) is still the last day in Los Angeles
        Instant nextDayOnKiritimati = lastDay.plusDays(1).atStartOfDay(KIRITIMATI).toInstant().plusSeconds(60);

        assertThat(expiry.expireAsOf(nextDayOnKiritimati.minusSeconds(120))).isZero();
        assertThat(expiry.expireAsOf(nextDayOnKiritimati)).isEqualTo(1);

        CardRecord expired = registry.awaitLatest(CardRecord.class, early.id, r -> r.revision() == 1);
        assertThat(expired.status()).isEqualTo("EXPIRED");
        assertThat(expired.statusReason()).isEqualTo("valid until " + lastDay);
        given().auth().oauth2(TestTokens.operatorAdmin(late.operator)).get("/api/cards/{c}", late.id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void makesAnExpiredCardUsableAgainWhenRenewed() {
        LocalDate lastDay = LocalDate.now(KIRITIMATI);
        Card card = cardOfOperatorIn("Pacific/Kiritimati", lastDay);
        expiry.expireAsOf(lastDay.plusDays(1).atStartOfDay(KIRITIMATI).toInstant());

        given().auth().oauth2(TestTokens.operatorAdmin(card.operator)).contentType(ContentType.JSON)
                .body(Map.of("driverId", card.driver, "validUntil", lastDay.plusYears(1).toString()))
                .put("/api/cards/{c}", card.id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        assertThat(registry.awaitLatest(CardRecord.class, card.id, r -> r.revision() == 2).validUntil())
                .isEqualTo(lastDay.plusYears(1));
    }

    @Test
    void refusesToIssueACardWhoseLastDayHasPassed() {
        UUID operatorId = createOperator();
        UUID driverId = createDriver(operatorId, anEmail("anna"));

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("driverId", driverId, "idTag", anIdTag(), "validUntil", LocalDate.now().minusDays(2).toString()))
                .post("/api/operators/{o}/cards", operatorId)
                .then().statusCode(400).body("violations[0].field", equalTo("validUntil"));
    }

    private record Card(UUID operator, UUID driver, UUID id) {
    }

    private static Card cardOfOperatorIn(String zone, LocalDate validUntil) {
        UUID operatorId = createOperator(o -> o.put("timeZone", zone));
        UUID driverId = createDriver(operatorId, anEmail("anna"));
        UUID cardId = UUID.fromString(given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .contentType(ContentType.JSON)
                .body(Map.of("driverId", driverId, "idTag", anIdTag(), "validUntil", validUntil.toString()))
                .post("/api/operators/{o}/cards", operatorId)
                .then().statusCode(201).extract().path("id"));
        return new Card(operatorId, driverId, cardId);
    }
}
