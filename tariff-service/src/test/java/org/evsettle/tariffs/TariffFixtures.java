package org.evsettle.tariffs;

import static io.restassured.RestAssured.given;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.evsettle.testkit.TestTokens;

/** Builders of valid tariff requests, and shortcuts that create tariffs over the API. */
final class TariffFixtures {

    /** Numbers in answers read as BigDecimal, so that amounts compare exactly, scale included. */
    private static final RestAssuredConfig EXACT_DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private TariffFixtures() {
    }

    /** A request with the token, that reads decimals exactly. */
    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).config(EXACT_DECIMALS).contentType(ContentType.JSON);
    }

    /** 0.35 per kWh plus a 0.50 start fee, for all user types, VAT left to its default. */
    static Map<String, Object> aTariff(Consumer<Map<String, Object>> changes) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", "Standaard laden");
        form.put("components", new ArrayList<>(List.of(
                Map.of("type", "ENERGY", "unitPrice", 0.35),
                Map.of("type", "START_FEE", "unitPrice", 0.50))));
        changes.accept(form);
        return form;
    }

    static UUID createTariff(UUID operatorId, Map<String, Object> form) {
        return UUID.fromString(as(TestTokens.operatorAdmin(operatorId)).body(form)
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(201).extract().path("id"));
    }
}
