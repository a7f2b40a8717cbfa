package org.evsettle.users;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.evsettle.testkit.TestTokens;

/** Builders of valid registry requests, and shortcuts that create entities over the API. */
final class RegistryFixtures {

    private RegistryFixtures() {
    }

    static Map<String, Object> address() {
        return Map.of("street", "Lindelaan 12", "postalCode", "3581 AB", "city", "Utrecht", "countryCode", "NL");
    }

    static Map<String, Object> anOperator(Consumer<Map<String, Object>> changes) {
        Map<String, Object> form = new HashMap<>();
        form.put("legalName", "Woonstichting De Linde");
        form.put("address", address());
        form.put("vatNumber", "NL001234567B01");
        form.put("chamberOfCommerceNumber", "12345678");
        form.put("iban", "NL91ABNA0417164300");
        form.put("bic", "ABNANL2A");
        form.put("contactEmail", "facturen@delinde.example");
        form.put("invoiceNumberPrefix", "LINDE");
        changes.accept(form);
        return form;
    }

    static Map<String, Object> aDriver(String email, Consumer<Map<String, Object>> changes) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", "Anna de Vries");
        form.put("email", email);
        form.put("billingAddress", address());
        changes.accept(form);
        return form;
    }

    static UUID createOperator() {
        return createOperator(o -> { });
    }

    static UUID createOperator(Consumer<Map<String, Object>> changes) {
        return UUID.fromString(given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(anOperator(changes)).post("/api/operators")
                .then().statusCode(201).extract().path("id"));
    }

    static UUID createSite(UUID operatorId) {
        return UUID.fromString(given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("name", "Parkeergarage Lindelaan", "address", address()))
                .post("/api/operators/{o}/sites", operatorId)
                .then().statusCode(201).extract().path("id"));
    }

    static UUID createDriver(UUID operatorId, String email) {
        return createDriver(operatorId, email, d -> { });
    }

    static UUID createDriver(UUID operatorId, String email, Consumer<Map<String, Object>> changes) {
        return UUID.fromString(given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(aDriver(email, changes))
                .post("/api/operators/{o}/drivers", operatorId)
                .then().statusCode(201).extract().path("id"));
    }

    /** Links the driver to the account of TestTokens.driver's tokens, so that they are this driver. */
    static UUID linkAccount(UUID operatorId, UUID driverId) {
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("accountId", TestTokens.accountOf(driverId)))
                .put("/api/drivers/{d}/account", driverId).then().statusCode(200);
        return driverId;
    }

    static UUID createCard(UUID operatorId, UUID driverId, String idTag) {
        return UUID.fromString(given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("driverId", driverId, "idTag", idTag))
                .post("/api/operators/{o}/cards", operatorId)
                .then().statusCode(201).extract().path("id"));
    }

    /** One field of every item of a paged list ({@code {items, next}}), read page by page to the end. */
    static List<String> listAll(String token, String path, String field) {
        List<String> values = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().auth().oauth2(token).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            values.addAll(page.getList("items." + field, String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        return values;
    }

    /** A random e-mail address, so tests never share drivers. */
    static String anEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.org";
    }

    /** A random idTag of a 7-byte MIFARE UID, so tests never share cards. */
    static String anIdTag() {
        return ("04" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toUpperCase();
    }

    static String aChargePointId() {
        return "CP-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
