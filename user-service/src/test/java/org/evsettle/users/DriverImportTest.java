package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.users.RegistryFixtures.anIdTag;
import static org.evsettle.users.RegistryFixtures.createCard;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** Bulk onboarding from CSV: all rows or none, every rejection named, and fast enough for a building at once. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DriverImportTest {

    private static final String HEADER = "name,email,street,postalCode,city,countryCode,userType,cardIdTag,cardLabel";

    private final PublishedRegistry registry = PublishedRegistry.shared();

    @Test
    void importsTwoHundredResidentsWithTheirCardsInOneGoQuickly() {
        importCsv(createOperator(), residents(5)).then().statusCode(200); // warms the code paths up
        UUID operatorId = createOperator();
        String csv = residents(200);

        long started = System.nanoTime();
        Response response = importCsv(operatorId, csv);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Log.infof("Imported 200 residents with cards in %d ms", took.toMillis());

        List<String> driverIds = response.then().statusCode(200)
                .body("drivers", equalTo(200)).body("cards", equalTo(200))
                .body("rows[199].line", equalTo(201))
                .extract().path("rows.driverId");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(RegistryFixtures.listAll(TestTokens.operatorAdmin(operatorId), "/api/operators/" + operatorId
                + "/drivers", "id")).containsExactlyInAnyOrderElementsOf(driverIds);
        Set<UUID> ids = driverIds.stream().map(UUID::fromString).collect(Collectors.toSet());
        await().atMost(PublishedRegistry.PATIENCE).until(() -> registry.all().stream()
                .filter(e -> e.data() instanceof DriverRecord d && ids.contains(d.id())).count() == 200);
        assertThat(registry.all().stream().filter(e -> e.data() instanceof CardRecord c && ids.contains(c.driverId())))
                .hasSize(200);
    }

    @Test
    void importsNothingAndNamesEveryRejectedRowWithItsLineFieldAndRule() {
        UUID operatorId = createOperator();
        UUID existing = createDriver(operatorId, "taken@example.org");
        createCard(operatorId, existing, "DEADBEEF");
        String csv = HEADER + "\n"
                + "Anna de Vries,anna@example.org,Lindelaan 1,3581 AB,Utrecht,NL,,04A2B3C4D5E680,Anna\n"
                + "Bob,not-an-email,Lindelaan 2,3581 AB,Utrecht,NL,,,\n"
                + "Carla,anna@example.org,Lindelaan 3,3581 AB,Utrecht,NL,,,\n"
                + "Dirk,dirk@example.org,Lindelaan 4,3581 AB,Utrecht,NL,,de:ad:be:ef,\n"
                + "Eva,eva@example.org,Lindelaan 5,3581 AB,Utrecht,NL,VISITOR,,\n"
                + "Frits,taken@example.org,,3581 AB,Utrecht,Nederland,,,\n"
                + "Gert,gert@example.org,Lindelaan 7,3581 AB,Utrecht,NL,,,label without a card\n";

        importCsv(operatorId, csv).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:evsettle:problem:unprocessable"))
                .body("detail", equalTo("Nothing was imported: 6 of 7 rows are rejected"))
                .body("violations.field", contains(
                        "line[3].email",
                        "line[4].email",
                        "line[5].cardIdTag",
                        "line[6].userType",
                        "line[7].countryCode", "line[7].email", "line[7].street",
                        "line[8].cardIdTag"))
                .body("violations.find { it.field == 'line[4].email' }.message", equalTo("is on line 2 too"))
                .body("violations.find { it.field == 'line[7].email' }.message",
                        equalTo("belongs to a driver of this operator already"));

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}/drivers", operatorId)
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void readsWhatExcelWritesInDutch() {
        UUID operatorId = createOperator();
        String validUntil = LocalDate.now().plusYears(2).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        String csv = "\uFEFFName;Email;Street;Postal code;City;Country code;Card ID tag;Card label;Card valid until\r\n"
                + "\"Vries; Anna de\";Anna@Example.org;\"Lindelaan 12\";3581 AB;Utrecht;nl;nfc-04:a2:b3:c4:d5:e6:80;"
                + "\"Anna's \"\"blue\"\" card\";" + validUntil + "\r\n"
                + ";;;;;;;;\r\n";

        String driverId = importCsv(operatorId, csv).then().statusCode(200).body("drivers", equalTo(1))
                .body("rows[0].cardIdTag", equalTo("04A2B3C4D5E680")).extract().path("rows[0].driverId");

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/drivers/{d}", driverId)
                .then().statusCode(200).body("name", equalTo("Vries; Anna de")).body("email", equalTo("anna@example.org"))
                .body("billingAddress.countryCode", equalTo("NL"));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}/cards", operatorId)
                .then().statusCode(200).body("items[0].label", equalTo("Anna's \"blue\" card"))
                .body("items[0].validUntil", equalTo(LocalDate.now().plusYears(2).toString()));
    }

    @Test
    void refusesAFileItCannotReadNamingTheProblem() {
        UUID operatorId = createOperator();

        importCsv(operatorId, "name,email,street,postalCode,city,countryCode,shoeSize\nA,a@example.org,S,1,C,NL,42\n")
                .then().statusCode(400).body("violations[0].field", equalTo("header"))
                .body("violations[0].message", containsString("shoeSize"));
        importCsv(operatorId, "name,email\nA,a@example.org\n")
                .then().statusCode(400).body("violations[0].message", containsString("street, postalCode, city, countryCode"));
        importCsv(operatorId, HEADER + "\n").then().statusCode(400).body("violations[0].field", equalTo("body"));
        importCsv(operatorId, HEADER + "\n\"Anna,anna@example.org,S,1,C,NL,,,\n")
                .then().statusCode(400).body("violations[0].field", equalTo("line[2]"));
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType("application/json").body("{}")
                .post("/api/operators/{o}/imports/drivers", operatorId).then().statusCode(415);
    }

    @Test
    void offersATemplateThatTheImportReads() {
        UUID operatorId = createOperator();

        String template = given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .get("/api/operators/{o}/imports/drivers/template", operatorId)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("drivers-import-template.csv"))
                .extract().asString();

        assertThat(template).startsWith("name,email,street,postalCode,city,countryCode,userType,language,companyName,"
                + "companyVatNumber,companyRegistrationNumber,cardIdTag,cardLabel,cardValidUntil");
        importCsv(operatorId, template + "Jan Jansen,jan@example.org,Kerkstraat 1,1000,Brussel,BE,EMPLOYEE,fr,"
                + "Jansen BV,BE0123456749,0123.456.749,04112233,,\r\n")
                .then().statusCode(200).body("drivers", equalTo(1)).body("cards", equalTo(1));
    }

    @Test
    void hidesAnotherOperatorsImportAs404() {
        UUID mine = createOperator();
        UUID theirs = createOperator();

        given().auth().oauth2(TestTokens.operatorAdmin(mine)).contentType("text/csv").body(residents(1))
                .post("/api/operators/{o}/imports/drivers", theirs).then().statusCode(404);
        given().auth().oauth2(TestTokens.operatorAdmin(mine)).get("/api/operators/{o}/imports/drivers/template", theirs)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.operatorAdmin(theirs)).get("/api/operators/{o}/drivers", theirs)
                .then().body("items", hasSize(0));
    }

    private static Response importCsv(UUID operatorId, String csv) {
        return given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType("text/csv; charset=UTF-8")
                .body(csv).post("/api/operators/{o}/imports/drivers", operatorId);
    }

    /** A building of residents, each with a card. */
    static String residents(int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return HEADER + "\n" + IntStream.rangeClosed(1, count)
                .mapToObj(i -> "Resident " + i + ",resident-" + i + "-" + run + "@example.org,Lindelaan " + i
                        + ",3581 AB,Utrecht,NL,RESIDENT," + anIdTag() + ",Apartment " + i)
                .collect(Collectors.joining("\n")) + "\n";
    }
}
