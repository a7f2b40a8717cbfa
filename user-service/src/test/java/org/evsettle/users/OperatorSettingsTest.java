package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anOperator;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.evsettle.events.registry.DunningPolicy;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The operator's settings that other services rely on: user types, dunning, statements, the enrollment
 * key, roaming.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OperatorSettingsTest {

    private final PublishedRegistry registry = PublishedRegistry.shared();

    @Test
    void publishesUserTypesDunningPolicyAndStatements() {
        UUID operatorId = createOperator(o -> {
            o.put("userTypes", List.of("STUDENT", "RESIDENT"));
            o.put("dunning", Map.of("blockCards", true, "blockAfterDaysOverdue", 21));
            o.put("issuesStatements", true);
        });

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}", operatorId)
                .then().statusCode(200)
                .body("userTypes", contains("RESIDENT", "EMPLOYEE", "GUEST", "STUDENT"))
                .body("dunning.blockCards", equalTo(true))
                .body("dunning.blockAfterDaysOverdue", equalTo(21))
                .body("issuesStatements", equalTo(true));
        OperatorRecord record = registry.awaitLatest(OperatorRecord.class, operatorId);
        assertThat(record.userTypes()).containsExactly("RESIDENT", "EMPLOYEE", "GUEST", "STUDENT");
        assertThat(record.dunning()).isEqualTo(new DunningPolicy(true, 21));
        assertThat(record.issuesStatements()).isTrue();
    }

    @Test
    void leavesDunningOffAndUnknownChargersOutByDefault() {
        UUID operatorId = createOperator();

        OperatorRecord record = registry.awaitLatest(OperatorRecord.class, operatorId);
        assertThat(record.userTypes()).containsExactly("RESIDENT", "EMPLOYEE", "GUEST");
        assertThat(record.dunning()).isEqualTo(new DunningPolicy(false, 14));
        assertThat(record.acceptsUnknownChargers()).isFalse();
        assertThat(record.chargerEnrollmentKeyHash()).isNull();
        assertThat(record.issuesStatements()).isFalse();
        assertThat(record.cardsValidAt()).isEmpty();
        assertThat(record.acceptsCardsOf()).isEmpty();
    }

    @Test
    void publishesTheRoamingChoicesTheOperatorsAdminSetsAndWithdraws() {
        UUID operatorId = createOperator();
        UUID partner = createOperator();
        UUID otherPartner = createOperator();
        List<UUID> both = Stream.of(partner, otherPartner).sorted().toList();

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(anOperator(o -> {
                    o.put("cardsValidAt", List.of(both.get(1), both.get(0)));
                    o.put("acceptsCardsOf", List.of(partner));
                })).put("/api/operators/{o}", operatorId)
                .then().statusCode(200)
                .body("cardsValidAt", contains(both.get(0).toString(), both.get(1).toString()))
                .body("acceptsCardsOf", contains(partner.toString()));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}", operatorId)
                .then().statusCode(200).body("acceptsCardsOf", contains(partner.toString()));
        OperatorRecord roaming = registry.awaitLatest(OperatorRecord.class, operatorId, r -> !r.cardsValidAt().isEmpty());
        assertThat(roaming.cardsValidAt()).containsExactlyElementsOf(both);
        assertThat(roaming.acceptsCardsOf()).containsExactly(partner);

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("cardsValidAt", List.of(otherPartner)))).put("/api/operators/{o}", operatorId)
                .then().statusCode(200).body("acceptsCardsOf", empty());
        OperatorRecord withdrawn = registry.awaitLatest(OperatorRecord.class, operatorId,
                r -> r.revision() > roaming.revision());
        assertThat(withdrawn.cardsValidAt()).containsExactly(otherPartner);
        assertThat(withdrawn.acceptsCardsOf()).isEmpty();
        registry.awaitLatest(OperatorRecord.class, partner);
        assertThat(registry.of(OperatorRecord.class, partner)).as("the partner's own choices are its own")
                .singleElement().satisfies(record -> assertThat(record.acceptsCardsOf()).isEmpty());
    }

    @Test
    void namesEveryPartnerOperatorThatIsUnknownRepeatedOrItself() {
        UUID operatorId = createOperator();
        UUID partner = createOperator();
        UUID unknown = UUID.randomUUID();
        long revision = registry.awaitLatest(OperatorRecord.class, operatorId).revision();

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(anOperator(o -> {
                    o.put("cardsValidAt", List.of(partner, operatorId, unknown));
                    o.put("acceptsCardsOf", List.of(partner, partner));
                })).put("/api/operators/{o}", operatorId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:evsettle:problem:validation"))
                .body("violations.field", containsInAnyOrder("cardsValidAt[1]", "cardsValidAt[2]", "acceptsCardsOf[1]"))
                .body("violations.find { it.field == 'cardsValidAt[2]' }.message", equalTo("is not an operator"))
                .body("detail", containsString("must be another operator"));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("acceptsCardsOf", Arrays.asList(partner, null))))
                .put("/api/operators/{o}", operatorId)
                .then().statusCode(400).body("violations.field", contains("acceptsCardsOf[1]"));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("cardsValidAt", List.of("not-an-id"))))
                .put("/api/operators/{o}", operatorId)
                .then().statusCode(400).body("violations[0].field", equalTo("cardsValidAt[0]"));

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}", operatorId)
                .then().statusCode(200).body("revision", equalTo((int) revision)).body("cardsValidAt", empty());
    }

    @Test
    void letsOnlyTheOperatorsOwnAdminsChooseItsRoaming() {
        UUID operatorId = createOperator();
        UUID partner = createOperator();

        given().auth().oauth2(TestTokens.operatorAdmin(partner)).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("acceptsCardsOf", List.of(partner)))).put("/api/operators/{o}", operatorId)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}", operatorId)
                .then().statusCode(200).body("acceptsCardsOf", empty());
    }

    @Test
    void showsTheEnrollmentKeyOnceAndPublishesOnlyItsHash() {
        var created = given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("acceptsUnknownChargers", true))).post("/api/operators")
                .then().statusCode(201).body("acceptsUnknownChargers", equalTo(true)).extract();
        String key = created.path("chargerEnrollmentKey");
        UUID operatorId = UUID.fromString(created.path("id"));

        assertThat(key).matches("[A-Za-z0-9_-]{43}");
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}", operatorId)
                .then().statusCode(200).body("$", not(hasKey("chargerEnrollmentKey")))
                .body("chargerEnrollmentKeyCreatedAt", not(nullValue()));
        OperatorRecord record = registry.awaitLatest(OperatorRecord.class, operatorId);
        assertThat(record.acceptsUnknownChargers()).isTrue();
        assertThat(record.chargerEnrollmentKeyHash()).isEqualTo(sha256(key)).doesNotContain(key);
    }

    @Test
    void keepsTheKeyOnUpdatesRotatesItOnRequestAndVoidsItWhenTurnedOff() {
        UUID operatorId = createOperator();
        Map<String, Object> accepting = anOperator(o -> o.put("acceptsUnknownChargers", true));
        String first = given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(accepting).put("/api/operators/{o}", operatorId)
                .then().statusCode(200).extract().path("chargerEnrollmentKey");
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(accepting).put("/api/operators/{o}", operatorId)
                .then().statusCode(200).body("chargerEnrollmentKey", nullValue());
        assertThat(registry.awaitLatest(OperatorRecord.class, operatorId, r -> r.revision() == 2)
                .chargerEnrollmentKeyHash()).isEqualTo(sha256(first));

        String second = given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .post("/api/operators/{o}/charger-enrollment-key", operatorId)
                .then().statusCode(200).extract().path("chargerEnrollmentKey");
        assertThat(second).isNotEqualTo(first);
        assertThat(registry.awaitLatest(OperatorRecord.class, operatorId, r -> r.revision() == 3)
                .chargerEnrollmentKeyHash()).isEqualTo(sha256(second));

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("acceptsUnknownChargers", false))).put("/api/operators/{o}", operatorId)
                .then().statusCode(200).body("chargerEnrollmentKeyCreatedAt", nullValue());
        OperatorRecord off = registry.awaitLatest(OperatorRecord.class, operatorId, r -> r.revision() == 4);
        assertThat(off.acceptsUnknownChargers()).isFalse();
        assertThat(off.chargerEnrollmentKeyHash()).isNull();
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .post("/api/operators/{o}/charger-enrollment-key", operatorId)
                .then().statusCode(409).body("type", equalTo("urn:evsettle:problem:conflict"));
    }

    @Test
    void refusesToRemoveAUserTypeThatDriversStillHave() {
        UUID operatorId = createOperator(o -> o.put("userTypes", List.of("STUDENT")));
        createDriver(operatorId, anEmail("student"), d -> d.put("userType", "STUDENT"));

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("userTypes", List.of("VISITOR")))).put("/api/operators/{o}", operatorId)
                .then().statusCode(409).body("detail", containsString("STUDENT"));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("userTypes", List.of("STUDENT", "VISITOR")))).put("/api/operators/{o}", operatorId)
                .then().statusCode(200).body("userTypes", contains("RESIDENT", "EMPLOYEE", "GUEST", "STUDENT", "VISITOR"));
    }

    @Test
    void refusesADriverOfAUserTypeTheOperatorDoesNotHave() {
        UUID operatorId = createOperator();

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(RegistryFixtures.aDriver(anEmail("visitor"), d -> d.put("userType", "VISITOR")))
                .post("/api/operators/{o}/drivers", operatorId)
                .then().statusCode(400).body("violations[0].field", equalTo("userType"));
    }

    @Test
    void namesTheFieldAndRuleOfEveryBrokenSetting() {
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(anOperator(o -> {
                    o.put("iban", "NL92ABNA0417164300");
                    o.put("userTypes", List.of("STUDENT", "lower case"));
                    o.put("dunning", Map.of("blockCards", true, "blockAfterDaysOverdue", -1));
                    o.put("timeZone", "+01:00");
                }))
                .post("/api/operators")
                .then().statusCode(400)
                .body("violations.field", hasItem("iban"))
                .body("violations.field", hasItem("userTypes[1]"))
                .body("violations.field", hasItem("dunning.blockAfterDaysOverdue"))
                .body("violations.field", hasItem("timeZone"));
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
