package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anOperator;
import static org.evsettle.users.RegistryFixtures.createCard;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** A card's idTag is unique among operators that roam with each other, and the 409 never names the other. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class CardRoamingUniquenessTest {

    @Test
    void refusesAHostACardWithAnIdTagItsRoamingPartnerAlreadyIssued() {
        UUID partner = createOperator();
        UUID host = createOperator();
        roaming(partner, List.of(host), List.of());
        roaming(host, List.of(), List.of(partner));
        String idTag = aTag();
        createCard(partner, createDriver(partner, anEmail("anna")), idTag);
        UUID hostsDriver = createDriver(host, anEmail("mallory"));

        Response taken = issue(host, hostsDriver, "nfc-" + idTag.toLowerCase());
        taken.then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:evsettle:problem:conflict"))
                .body("detail", not(org.hamcrest.Matchers.containsString(partner.toString())));
        // the same answer as for a duplicate of its own cards
        String ownTag = aTag();
        createCard(host, hostsDriver, ownTag);
        String ownDuplicate = issue(host, hostsDriver, ownTag).then().statusCode(409).extract().path("detail");
        org.assertj.core.api.Assertions.assertThat(taken.<String>path("detail").replace(idTag, "?"))
                .isEqualTo(ownDuplicate.replace(ownTag, "?"));

        // the partner cannot take the host's idTag either: the rule holds in both directions
        issue(partner, createDriver(partner, anEmail("bram")), ownTag).then().statusCode(409);
    }

    @Test
    void letsOperatorsThatDoNotRoamWithEachOtherIssueTheSameIdTag() {
        UUID one = createOperator();
        UUID other = createOperator();
        String idTag = aTag();
        createCard(one, createDriver(one, anEmail("anna")), idTag);

        issue(other, createDriver(other, anEmail("bram")), idTag).then().statusCode(201);
    }

    @Test
    void refusesTheDuplicateAsSoonAsOneSideNamesTheOther() {
        UUID partner = createOperator();
        UUID host = createOperator();
        String idTag = aTag();
        createCard(partner, createDriver(partner, anEmail("anna")), idTag);
        // only the partner has chosen so far; the host's consent could follow at any time
        roaming(partner, List.of(host), List.of());

        issue(host, createDriver(host, anEmail("mallory")), idTag).then().statusCode(409);
    }

    private static Response issue(UUID operatorId, UUID driverId, String idTag) {
        return given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("driverId", driverId, "idTag", idTag)).post("/api/operators/{o}/cards", operatorId);
    }

    private static void roaming(UUID operatorId, List<UUID> cardsValidAt, List<UUID> acceptsCardsOf) {
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(anOperator(o -> {
                    o.put("cardsValidAt", cardsValidAt);
                    o.put("acceptsCardsOf", acceptsCardsOf);
                })).put("/api/operators/{o}", operatorId).then().statusCode(200);
    }

    private static String aTag() {
        return "04" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }
}
