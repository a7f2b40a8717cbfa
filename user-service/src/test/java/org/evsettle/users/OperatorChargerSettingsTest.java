package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.anOperator;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** How an operator's chargers are configured for billing at boot: set over REST, published on registry.operators. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OperatorChargerSettingsTest {

    private final PublishedRegistry registry = PublishedRegistry.shared();

    @Test
    void givesAnOperatorThatChoseNothingAMeterValueAMinuteAndCardsCheckedOnline() {
        UUID operatorId = createOperator();

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}", operatorId)
                .then().statusCode(200)
                .body("chargerSettings.meterValueSampleInterval", equalTo(60))
                .body("chargerSettings.authorizeRemoteTxRequests", equalTo(false))
                .body("chargerSettings.localPreAuthorize", equalTo(false))
                .body("chargerSettings.ocpp201Allowed", equalTo(true));
        assertThat(registry.awaitLatest(OperatorRecord.class, operatorId).chargerSettings())
                .isEqualTo(ChargerSettings.DEFAULT);
    }

    @Test
    void keepsAndPublishesTheIntervalAndPolicyAnAdminChose() {
        UUID operatorId = createOperator();
        Map<String, Object> form = anOperator(o -> o.put("chargerSettings",
                Map.of("meterValueSampleInterval", 300, "localPreAuthorize", true, "ocpp201Allowed", false)));

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON).body(form)
                .put("/api/operators/{o}", operatorId)
                .then().statusCode(200)
                .body("chargerSettings.meterValueSampleInterval", equalTo(300))
                .body("chargerSettings.authorizeRemoteTxRequests", equalTo(false))
                .body("chargerSettings.localPreAuthorize", equalTo(true))
                .body("chargerSettings.ocpp201Allowed", equalTo(false));

        assertThat(registry.awaitLatest(OperatorRecord.class, operatorId, r -> r.revision() == 1).chargerSettings())
                .isEqualTo(new ChargerSettings(300, false, true, false));
    }

    @Test
    void refusesAnIntervalOutside10To3600SecondsNamingTheField() {
        for (int interval : new int[] {0, 9, 3601}) {
            given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                    .body(anOperator(o -> o.put("chargerSettings", Map.of("meterValueSampleInterval", interval))))
                    .post("/api/operators")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", containsInAnyOrder("chargerSettings.meterValueSampleInterval"));
        }
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("chargerSettings", Map.of("meterValueSampleInterval", 10))))
                .post("/api/operators")
                .then().statusCode(201);
    }
}
