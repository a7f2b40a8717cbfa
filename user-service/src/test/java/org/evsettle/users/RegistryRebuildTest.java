package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.users.RegistryFixtures.aChargePointId;
import static org.evsettle.users.RegistryFixtures.aDriver;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anIdTag;
import static org.evsettle.users.RegistryFixtures.anOperator;
import static org.evsettle.users.RegistryFixtures.createCard;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.createSite;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.evsettle.events.registry.RegistryRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The topics are the registry: reading the compacted registry topics from the start into an empty
 * projection (latest revision per entity, tombstones delete) gives exactly the state in the database.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RegistryRebuildTest {

    @Test
    void rebuildsTheWholeRegistryFromTheTopicsAlone() {
        changeEveryKindOfEntity();

        // the projection starts empty and reads every registry topic from its first offset
        try (PublishedRegistry fresh = new PublishedRegistry(InfrastructureResource.stack().kafka().bootstrapServers())) {
            await().atMost(PublishedRegistry.PATIENCE).untilAsserted(() ->
                    assertThat(fresh.projection()).isEqualTo(databaseState()));
            assertThat(fresh.projection()).hasSizeGreaterThanOrEqualTo(6);
        }
    }

    /** An operator with settings changed, a site, a moved charger, a driver with an account, a blocked card. */
    private static void changeEveryKindOfEntity() {
        UUID operatorId = createOperator(o -> o.put("userTypes", List.of("STUDENT")));
        String admin = TestTokens.operatorAdmin(operatorId);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(anOperator(o -> {
                    o.put("userTypes", List.of("STUDENT"));
                    o.put("dunning", Map.of("blockCards", true, "blockAfterDaysOverdue", 10));
                    o.put("acceptsUnknownChargers", true);
                }))
                .put("/api/operators/{o}", operatorId).then().statusCode(200);
        UUID siteId = createSite(operatorId);
        UUID otherSite = createSite(operatorId);
        String chargerId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("siteId", siteId, "chargePointId", aChargePointId()))
                .post("/api/operators/{o}/chargers", operatorId).then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siteId", otherSite))
                .put("/api/chargers/{c}", chargerId).then().statusCode(200);
        String email = anEmail("student");
        UUID driverId = createDriver(operatorId, email, d -> d.put("userType", "STUDENT"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(aDriver(email, d -> d.put("name", "Anna de Vries-Jansen"))).put("/api/drivers/{d}", driverId)
                .then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("accountId", UUID.randomUUID()))
                .put("/api/drivers/{d}/account", driverId).then().statusCode(200);
        UUID cardId = createCard(operatorId, driverId, anIdTag());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "key fob replaced"))
                .post("/api/cards/{c}/block", cardId).then().statusCode(200);
    }

    /** Every entity in the database as the record it publishes. */
    private static Map<UUID, RegistryRecord> databaseState() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, RegistryRecord> state = new HashMap<>();
            Stream.of(
                    Operator.<Operator>streamAll().map(Operator::toRecord),
                    Site.<Site>streamAll().map(Site::toRecord),
                    Charger.<Charger>streamAll().map(Charger::toRecord),
                    Driver.<Driver>streamAll().map(Driver::toRecord),
                    Card.<Card>streamAll().map(Card::toRecord))
                    .flatMap(records -> records)
                    .forEach(record -> state.put(record.id(), record));
            return state;
        });
    }
}
