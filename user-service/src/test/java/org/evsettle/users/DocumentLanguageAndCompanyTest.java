package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.aDriver;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anOperator;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.InvoiceMail;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The language drivers' documents are written in (the driver's, else the operator's, else its country's), the
 * operator's invoice mail settings and a business customer's registration number: over REST, in the CSV import,
 * and on the registry records other services read.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DocumentLanguageAndCompanyTest {

    private static final Map<String, Object> BELGIAN_ADDRESS = Map.of("street", "Kerkstraat 1", "postalCode", "1000",
            "city", "Brussel", "countryCode", "BE");

    private final PublishedRegistry registry = PublishedRegistry.shared();

    @Test
    void givesAnOperatorWithoutALanguageItsCountrysAndPublishesNone() {
        UUID dutch = createOperator();
        UUID german = createOperator(o -> o.put("address", Map.of("street", "Hauptstraße 1", "postalCode", "10115",
                "city", "Berlin", "countryCode", "DE")));
        UUID french = createOperator(o -> o.put("address", Map.of("street", "Rue de Rivoli 1", "postalCode", "75001",
                "city", "Paris", "countryCode", "FR")));

        operator(dutch).then().statusCode(200).body("language", equalTo("nl")).body("languageIsDefault", equalTo(true))
                .body("invoiceMail.enabled", equalTo(true)).body("invoiceMail.bcc", nullValue());
        operator(german).then().body("language", equalTo("de")).body("languageIsDefault", equalTo(true));
        operator(french).then().body("language", equalTo("en")).body("languageIsDefault", equalTo(true));
        OperatorRecord record = registry.awaitLatest(OperatorRecord.class, german);
        assertThat(record.language()).isNull();
        assertThat(record.documentLanguage()).isEqualTo(DocumentLanguage.DE);
        assertThat(record.invoiceMail()).isEqualTo(InvoiceMail.DEFAULT);
    }

    @Test
    void keepsTheOperatorsChosenLanguageAndInvoiceMailAndPublishesThem() {
        UUID operatorId = createOperator(o -> o.put("address", BELGIAN_ADDRESS));
        Map<String, Object> form = anOperator(o -> {
            o.put("address", BELGIAN_ADDRESS);
            o.put("language", "FR");
            o.put("invoiceMail", Map.of("enabled", false, "bcc", "administration@delinde.example"));
        });

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON).body(form)
                .put("/api/operators/{o}", operatorId)
                .then().statusCode(200).body("language", equalTo("fr")).body("languageIsDefault", equalTo(false))
                .body("invoiceMail.enabled", equalTo(false))
                .body("invoiceMail.bcc", equalTo("administration@delinde.example"));

        OperatorRecord record = registry.awaitLatest(OperatorRecord.class, operatorId, r -> r.revision() == 1);
        assertThat(record.language()).isEqualTo("fr");
        assertThat(record.invoiceMail()).isEqualTo(new InvoiceMail(false, "administration@delinde.example"));

        form.remove("language");
        form.remove("invoiceMail");
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON).body(form)
                .put("/api/operators/{o}", operatorId)
                .then().statusCode(200).body("language", equalTo("nl")).body("languageIsDefault", equalTo(true))
                .body("invoiceMail.enabled", equalTo(true));
        assertThat(registry.awaitLatest(OperatorRecord.class, operatorId, r -> r.revision() == 2).language()).isNull();
    }

    @Test
    void refusesAnUnknownLanguageAndABccThatIsNoAddressNamingTheFields() {
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(anOperator(o -> {
                    o.put("language", "es");
                    o.put("invoiceMail", Map.of("enabled", true, "bcc", "not an address"));
                }))
                .post("/api/operators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("invoiceMail.bcc", "language"))
                .body("violations.find { it.field == 'language' }.message", equalTo("must be one of nl, fr, en, de"));
    }

    @Test
    void keepsADriversLanguageAndRegistrationNumberAsDigitsAndPublishesThem() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);

        UUID driverId = createDriver(operatorId, anEmail("jan"), d -> {
            d.put("billingAddress", BELGIAN_ADDRESS);
            d.put("language", "FR");
            d.put("companyName", "Jansen BV");
            d.put("companyVatNumber", "BE0123456749");
            d.put("companyRegistrationNumber", "0123.456.749");
        });

        given().auth().oauth2(admin).get("/api/drivers/{d}", driverId).then().statusCode(200)
                .body("language", equalTo("fr")).body("companyRegistrationNumber", equalTo("0123456749"));
        DriverRecord created = registry.awaitLatest(DriverRecord.class, driverId);
        assertThat(created.language()).isEqualTo("fr");
        assertThat(created.companyRegistrationNumber()).isEqualTo("0123456749");

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(aDriver(anEmail("jan"), d -> {
                    d.put("companyName", "Jansen BV");
                    d.put("companyRegistrationNumber", "1234 5678");
                }))
                .put("/api/drivers/{d}", driverId)
                .then().statusCode(200).body("language", nullValue()).body("companyRegistrationNumber", equalTo("12345678"));
        DriverRecord edited = registry.awaitLatest(DriverRecord.class, driverId, r -> r.revision() == 1);
        assertThat(edited.language()).isNull();
        assertThat(edited.companyRegistrationNumber()).isEqualTo("12345678");
    }

    @Test
    void refusesBadLanguagesAndRegistrationNumbersNamingTheField() {
        UUID operatorId = createOperator();

        createDriverAnswer(operatorId, d -> d.put("language", "xx")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("language"))
                .body("violations[0].message", equalTo("must be one of nl, fr, en, de"));
        createDriverAnswer(operatorId, d -> {
            d.put("companyName", "Jansen BV");
            d.put("companyRegistrationNumber", "1234567");
        }).then().statusCode(400).body("violations.field", contains("companyRegistrationNumber"))
                .body("violations[0].message", equalTo("must be a KvK number of 8 digits for a customer in NL"));
        createDriverAnswer(operatorId, d -> {
            d.put("billingAddress", BELGIAN_ADDRESS);
            d.put("companyName", "Jansen BV");
            d.put("companyRegistrationNumber", "0123.456.748");
        }).then().statusCode(400).body("violations.field", contains("companyRegistrationNumber"));
        createDriverAnswer(operatorId, d -> d.put("companyRegistrationNumber", "12345678"))
                .then().statusCode(400).body("violations.field", contains("companyName"));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}/drivers", operatorId)
                .then().body("items", hasSize(0));
    }

    @Test
    void importsLanguagesAndRegistrationNumbersAndRejectsBadOnesPerRow() {
        UUID operatorId = createOperator();
        String header = "name;email;street;postalCode;city;countryCode;language;companyName;companyRegistrationNumber\n";
        String run = UUID.randomUUID().toString().substring(0, 8);

        importCsv(operatorId, header
                + "Anna;anna-" + run + "@example.org;Lindelaan 1;3581 AB;Utrecht;NL;en;;\n"
                + "Bob;bob-" + run + "@example.org;Lindelaan 2;3581 AB;Utrecht;NL;es;;\n"
                + "Carla;carla-" + run + "@example.org;Kerkstraat 3;1000;Brussel;BE;;Carla BV;0123.456.748\n"
                + "Dirk;dirk-" + run + "@example.org;Lindelaan 4;3581 AB;Utrecht;NL;;Dirk BV;123\n"
                + "Eva;eva-" + run + "@example.org;Lindelaan 5;3581 AB;Utrecht;NL;;;12345678\n")
                .then().statusCode(422)
                .body("violations.field", contains("line[3].language", "line[4].companyRegistrationNumber",
                        "line[5].companyRegistrationNumber", "line[6].companyName"))
                .body("violations[0].message", equalTo("must be one of nl, fr, en, de"));

        String driverId = importCsv(operatorId, header
                + "Carla;carla-" + run + "@example.org;Kerkstraat 3;1000;Brussel;BE;FR;Carla BV;0123.456.749\n")
                .then().statusCode(200).body("drivers", equalTo(1)).extract().path("rows[0].driverId");
        DriverRecord record = registry.awaitLatest(DriverRecord.class, UUID.fromString(driverId));
        assertThat(record.language()).isEqualTo("fr");
        assertThat(record.companyRegistrationNumber()).isEqualTo("0123456749");
    }

    private static Response operator(UUID operatorId) {
        return given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}", operatorId);
    }

    private static Response createDriverAnswer(UUID operatorId, java.util.function.Consumer<Map<String, Object>> changes) {
        return given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(aDriver(anEmail("driver"), changes)).post("/api/operators/{o}/drivers", operatorId);
    }

    private static Response importCsv(UUID operatorId, String csv) {
        return given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType("text/csv; charset=UTF-8")
                .body(csv).post("/api/operators/{o}/imports/drivers", operatorId);
    }
}
