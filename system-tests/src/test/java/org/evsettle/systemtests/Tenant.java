package org.evsettle.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.devstack.keycloak.KeycloakAccounts.Account;
import org.evsettle.devstack.platform.Service;

/**
 * An operator set up through the public APIs, as a platform admin and the operator's admin would:
 * operator, site, charger, driver, card and a per-kWh tariff, with Keycloak accounts for its admin
 * and its driver.
 */
record Tenant(UUID operatorId, UUID siteId, UUID driverId, String chargePointId, String chargerPassword,
              String cardIdTag, String adminToken, String driverToken, String adminUsername, String driverUsername) {

    /** Every tenant's accounts sign in with it. */
    static final String PASSWORD = "system-test-password";

    /** A new tenant with its own names, so tests never share data. */
    static Tenant create(RunningPlatform running, String energyPricePerKwh) {
        return create(running, energyPricePerKwh, null);
    }

    /** The same, with the operator's grace days after a period's end before it is billed (the default when null). */
    static Tenant create(RunningPlatform running, String energyPricePerKwh, Integer graceDays) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        running.accounts().ensure(new Account("platform-" + suffix, PASSWORD, "platform-admin", null, null, "Platform",
                "Admin"));
        String platformToken = running.accounts().login("platform-" + suffix, PASSWORD);
        String users = running.url(Service.USER_SERVICE);
        Map<String, Object> address = Map.of("street", "Lindelaan 12", "postalCode", "3581 AB", "city", "Utrecht",
                "countryCode", "NL");

        Map<String, Object> operator = new HashMap<>(Map.ofEntries(Map.entry("legalName", "Woonstichting " + suffix),
                Map.entry("address", address), Map.entry("vatNumber", "NL001234567B01"),
                Map.entry("chamberOfCommerceNumber", "12345678"), Map.entry("iban", "NL91ABNA0417164300"),
                Map.entry("contactEmail", "billing@" + suffix + ".example"),
                Map.entry("invoiceNumberPrefix", "T" + suffix.substring(0, 4).toUpperCase())));
        if (graceDays != null) {
            operator.put("graceDays", graceDays);
        }
        UUID operatorId = created(given().auth().oauth2(platformToken).contentType(ContentType.JSON).body(operator)
                .post(users + "/api/operators"));
        running.accounts().ensure(new Account("operator-" + suffix, PASSWORD, "operator-admin", operatorId, null,
                "Operator", "Admin"));
        String adminToken = running.accounts().login("operator-" + suffix, PASSWORD);

        UUID siteId = created(given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Garage " + suffix, "address", address))
                .post(users + "/api/operators/{o}/sites", operatorId));
        String chargePointId = "CP-" + suffix;
        String chargerPassword = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("siteId", siteId, "chargePointId", chargePointId, "connectorCount", 2))
                .post(users + "/api/operators/{o}/chargers", operatorId)
                .then().statusCode(201).extract().path("ocppPassword");
        UUID driverId = created(given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Anna de Vries", "email", "anna@" + suffix + ".example", "billingAddress", address))
                .post(users + "/api/operators/{o}/drivers", operatorId));
        String cardIdTag = ("04" + suffix + "0A").toUpperCase();
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("driverId", driverId, "idTag", cardIdTag, "label", "Anna's card"))
                .post(users + "/api/operators/{o}/cards", operatorId)
                .then().statusCode(201);
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Standard", "vatRate", "0.21", "effectiveFrom", "2020-01-01T00:00:00Z",
                        "components", List.of(Map.of("type", "ENERGY", "unitPrice", energyPricePerKwh))))
                .post(running.url(Service.TARIFF_SERVICE) + "/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(201);

        String driverAccount = running.accounts().ensure(new Account("driver-" + suffix, PASSWORD, "driver", operatorId,
                driverId, "Anna", "de Vries"));
        // the driver's tokens are Anna only once user-service links her to the account
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(Map.of("accountId", driverAccount))
                .put(users + "/api/drivers/{d}/account", driverId).then().statusCode(200);
        String driverToken = running.accounts().login("driver-" + suffix, PASSWORD);
        await("the driver's account linked in every service").atMost(Duration.ofSeconds(30)).until(() ->
                given().auth().oauth2(driverToken).get(running.url(Service.SESSION_SERVICE) + "/api/me/sessions")
                        .statusCode() == 200
                && given().auth().oauth2(driverToken).get(running.url(Service.INVOICE_SERVICE) + "/api/me/invoices")
                        .statusCode() == 200);
        return new Tenant(operatorId, siteId, driverId, chargePointId, chargerPassword, cardIdTag, adminToken,
                driverToken, "operator-" + suffix, "driver-" + suffix);
    }

    private static UUID created(io.restassured.response.Response response) {
        return UUID.fromString(response.then().statusCode(201).extract().path("id"));
    }
}
