package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.address;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** A site's load limit: set, changed and removed over REST, checked, and published for the gateway to share out. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SiteLoadLimitTest {

    private final PublishedRegistry registry = PublishedRegistry.shared();

    @Test
    void setsChangesAndRemovesASitesLoadLimitAndPublishesIt() {
        UUID operatorId = createOperator();
        UUID siteId = UUID.fromString(post(operatorId, Map.of("unit", "A", "value", 32)).then().statusCode(201)
                .body("loadLimit.unit", equalTo("A")).body("loadLimit.value", equalTo(32))
                .extract().path("id"));
        SiteRecord published = registry.awaitLatest(SiteRecord.class, siteId);
        assertThat(published.loadLimit().unit()).isEqualTo("A");
        assertThat(published.loadLimit().value()).isEqualByComparingTo("32");

        put(siteId, operatorId, Map.of("unit", "W", "value", 22000)).then().statusCode(200)
                .body("loadLimit.unit", equalTo("W"));
        SiteRecord changed = registry.awaitLatest(SiteRecord.class, siteId, r -> r.revision() > published.revision());
        assertThat(changed.loadLimit().value()).isEqualByComparingTo("22000");

        put(siteId, operatorId, null).then().statusCode(200).body("loadLimit", nullValue());
        assertThat(registry.awaitLatest(SiteRecord.class, siteId, r -> r.revision() > changed.revision()).loadLimit())
                .isNull();
    }

    @Test
    void refusesALimitNoCarCouldChargeAtOrInAnUnknownUnit() {
        UUID operatorId = createOperator();

        post(operatorId, Map.of("unit", "A", "value", 5)).then().statusCode(400)
                .body("violations[0].field", equalTo("loadLimit.value"));
        post(operatorId, Map.of("unit", "W", "value", 1000)).then().statusCode(400)
                .body("violations[0].field", equalTo("loadLimit.value"));
        post(operatorId, Map.of("unit", "kW", "value", 22)).then().statusCode(400)
                .body("violations[0].field", equalTo("loadLimit.unit"));
        post(operatorId, Map.of("unit", "A", "value", 32.25)).then().statusCode(400)
                .body("violations[0].field", equalTo("loadLimit.value"));
    }

    private static Map<String, Object> site(Map<String, Object> limit) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", "Garage VvE Lindehof");
        form.put("address", address());
        form.put("loadLimit", limit);
        return form;
    }

    private static Response post(UUID operatorId, Map<String, Object> limit) {
        return given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(site(limit)).post("/api/operators/{o}/sites", operatorId);
    }

    private static Response put(UUID siteId, UUID operatorId, Map<String, Object> limit) {
        return given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(site(limit)).put("/api/sites/{s}", siteId);
    }
}
