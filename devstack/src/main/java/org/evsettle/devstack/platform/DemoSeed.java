package org.evsettle.devstack.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.evsettle.devstack.keycloak.KeycloakAccounts;
import org.evsettle.devstack.keycloak.KeycloakAccounts.Account;

/**
 * Demo data for the local run, made through the same APIs an operator uses and idempotent: each
 * entity is looked up first, so a second start creates nothing twice. LOCAL DEVELOPMENT ONLY: the
 * accounts and the charger password below are public knowledge.
 */
public final class DemoSeed {

    public static final String ADMIN = "demo-admin";
    public static final String OPERATOR_ADMIN = "demo-operator";
    public static final String DRIVER = "demo-driver";
    public static final String PASSWORD = "demo";
    public static final String CHARGE_POINT_ID = "DEMO-CP-1";
    public static final String CHARGER_PASSWORD = "demo-charger-password-local-only";
    public static final String CARD_ID_TAG = "04A2B3C4D5E680";
    private static final String OPERATOR_NAME = "Demo Housing Association (local only)";
    public static final String DRIVER_EMAIL = "driver@demo.evsettle.local";
    private static final String TARIFF_NAME = "Demo standard";

    private final JsonHttp http = new JsonHttp();
    private final Platform platform;
    private final KeycloakAccounts accounts;

    /** What the seed made: what a person needs to try the platform. */
    public record Demo(UUID operatorId, UUID siteId, UUID driverId, String chargePointId, String chargerPassword,
                       String cardIdTag) {
    }

    public DemoSeed(Platform platform, KeycloakAccounts accounts) {
        this.platform = platform;
        this.accounts = accounts;
    }

    public Demo apply() {
        accounts.ensure(new Account(ADMIN, PASSWORD, "platform-admin", null, null, "Demo", "Platform admin"));
        String token = accounts.login(ADMIN, PASSWORD);
        String users = platform.url(Service.USER_SERVICE) + "/api";

        UUID operatorId = findOrCreate(users + "/operators", token, o -> OPERATOR_NAME.equals(o.path("legalName").asText()),
                Map.ofEntries(
                        Map.entry("legalName", OPERATOR_NAME),
                        Map.entry("address", address()),
                        Map.entry("vatNumber", "NL000099998B57"),
                        Map.entry("chamberOfCommerceNumber", "99999999"),
                        Map.entry("iban", "NL91ABNA0417164300"),
                        Map.entry("bic", "ABNANL2A"),
                        Map.entry("contactEmail", "billing@demo.evsettle.local"),
                        Map.entry("invoiceNumberPrefix", "DEMO")));
        String operator = users + "/operators/" + operatorId;
        UUID siteId = findOrCreate(operator + "/sites", token, s -> "Demo garage".equals(s.path("name").asText()),
                Map.of("name", "Demo garage", "address", address()));
        findOrCreate(operator + "/chargers", token, c -> CHARGE_POINT_ID.equals(c.path("chargePointId").asText()),
                Map.of("siteId", siteId, "chargePointId", CHARGE_POINT_ID, "connectorCount", 2,
                        "ocppPassword", CHARGER_PASSWORD));
        UUID driverId = findOrCreate(operator + "/drivers", token, d -> DRIVER_EMAIL.equals(d.path("email").asText()),
                Map.of("name", "Demo Driver", "email", DRIVER_EMAIL, "billingAddress", address(),
                        "userType", "RESIDENT"));
        findOrCreate(operator + "/cards", token, c -> CARD_ID_TAG.equals(c.path("idTag").asText()),
                Map.of("driverId", driverId, "idTag", CARD_ID_TAG, "label", "Demo card"));
        findOrCreate(platform.url(Service.TARIFF_SERVICE) + "/api/operators/" + operatorId + "/tariffs", token,
                t -> TARIFF_NAME.equals(t.path("name").asText()),
                Map.of("name", TARIFF_NAME, "vatRate", "0.21", "effectiveFrom", "2020-01-01T00:00:00Z",
                        "components", List.of(Map.of("type", "ENERGY", "unitPrice", "0.35"))));

        accounts.ensure(new Account(OPERATOR_ADMIN, PASSWORD, "operator-admin", operatorId, null, "Demo", "Operator"));
        String driverAccount = accounts.ensure(new Account(DRIVER, PASSWORD, "driver", operatorId, driverId, "Demo",
                "Driver"));
        // a driver's token is the driver only while user-service links the driver to its account
        http.put(users + "/drivers/" + driverId + "/account", token, Map.of("accountId", driverAccount))
                .require(200, "Linking the demo driver to its account");
        return new Demo(operatorId, siteId, driverId, CHARGE_POINT_ID, CHARGER_PASSWORD, CARD_ID_TAG);
    }

    private UUID findOrCreate(String collection, String token, Predicate<JsonNode> matches, Map<String, Object> body) {
        JsonNode entity = find(collection, token, matches)
                .orElseGet(() -> http.post(collection, token, body).require(201, "Creating in " + collection));
        return UUID.fromString(entity.get("id").asText());
    }

    /** The first entity of a list that matches, read page by page ({@code {items, next}}) to the end. */
    private Optional<JsonNode> find(String collection, String token, Predicate<JsonNode> matches) {
        String page = collection + "?limit=500";
        while (true) {
            JsonNode listed = http.get(page, token).require(200, "Listing " + collection);
            for (JsonNode item : listed.path("items")) {
                if (matches.test(item)) {
                    return Optional.of(item);
                }
            }
            if (!listed.hasNonNull("next")) {
                return Optional.empty();
            }
            page = collection + "?limit=500&cursor=" + URLEncoder.encode(listed.get("next").asText(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> address() {
        return Map.of("street", "Demostraat 1", "postalCode", "1234 AB", "city", "Utrecht", "countryCode", "NL");
    }
}
