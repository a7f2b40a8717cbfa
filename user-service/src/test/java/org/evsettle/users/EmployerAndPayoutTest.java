package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.aDriver;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anOperator;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.linkAccount;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Drivers billed to their employer (a business customer of the same operator, billed itself, for the
 * operator's employerBilledUserTypes only) and the IBAN their reimbursements are paid out to: over REST, in the
 * CSV import, in the audit trail, on the registry records, and gone with an erasure.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class EmployerAndPayoutTest {

    private static final String PAYOUT_IBAN = "NL44RABO0123456789";

    private final PublishedRegistry registry = PublishedRegistry.shared();

    @Test
    void billsAnEmployeeToABusinessCustomerAndPublishesIt() {
        UUID operatorId = createOperator();
        UUID employer = createEmployer(operatorId);

        UUID employee = createDriver(operatorId, anEmail("anna"), employeeOf(employer));

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/drivers/{d}", employee).then()
                .statusCode(200).body("employerId", equalTo(employer.toString()));
        assertThat(registry.awaitLatest(DriverRecord.class, employee).employerId()).isEqualTo(employer);
        assertThat(registry.awaitLatest(DriverRecord.class, employer).employerId()).isNull();
    }

    @Test
    void leavesAnAuditEntryWhenTheEmployerIsSetAndCleared() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        UUID employer = createEmployer(operatorId);
        String email = anEmail("anna");
        UUID employee = createDriver(operatorId, email, d -> d.put("userType", "EMPLOYEE"));

        replace(admin, employee, email, employeeOf(employer)).then().statusCode(200)
                .body("employerId", equalTo(employer.toString()));
        replace(admin, employee, email, d -> d.put("userType", "EMPLOYEE")).then().statusCode(200)
                .body("employerId", nullValue());

        JsonPath audit = entries(admin, operatorId, employee);
        assertThat(audit.getList("items.action")).containsExactly("UPDATED", "UPDATED", "CREATED");
        assertThat(audit.getString("items[1].changes.employerId.after")).isEqualTo(employer.toString());
        assertThat(audit.getString("items[0].changes.employerId.before")).isEqualTo(employer.toString());
        assertThat(audit.getString("items[0].changes.employerId.after")).isNull();
        assertThat(registry.awaitLatest(DriverRecord.class, employee, r -> r.revision() == 2).employerId()).isNull();
    }

    @Test
    void refusesAnEmployerThatIsNoBusinessCustomerOrTheDriverItselfNamingTheField() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        UUID privateCustomer = createDriver(operatorId, anEmail("piet"));
        UUID nameOnly = createDriver(operatorId, anEmail("bv"), d -> d.put("companyName", "Jansen BV"));

        refusedEmployer(createDriverAnswer(operatorId, employeeOf(privateCustomer)), "must be a business customer");
        refusedEmployer(createDriverAnswer(operatorId, employeeOf(nameOnly)), "must be a business customer");
        String email = anEmail("anna");
        UUID employee = createDriver(operatorId, email, d -> d.put("userType", "EMPLOYEE"));
        refusedEmployer(replace(admin, employee, email, employeeOf(employee)),
                "must be another driver than the driver itself");
    }

    @Test
    void refusesChainsOfEmployers() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        UUID holding = createEmployer(operatorId);
        String subsidiaryEmail = anEmail("dochter");
        UUID subsidiary = createDriver(operatorId, subsidiaryEmail, business());
        UUID employee = createDriver(operatorId, anEmail("anna"), employeeOf(subsidiary));

        // an employer is billed itself ...
        refusedEmployer(replace(admin, subsidiary, subsidiaryEmail, business().andThen(employeeOf(holding))),
                "cannot be set: this driver is the employer of 1 driver(s)");
        // ... and one billed to an employer employs nobody
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(aDriver(anEmail("bv2"), business().andThen(employeeOf(holding))))
                .post("/api/operators/{o}/drivers", operatorId).then().statusCode(201);
        UUID billedCompany = createDriver(operatorId, anEmail("bv3"), business().andThen(employeeOf(holding)));
        refusedEmployer(createDriverAnswer(operatorId, employeeOf(billedCompany)), "is billed to an employer itself");
        assertThat(registry.awaitLatest(DriverRecord.class, employee).employerId()).isEqualTo(subsidiary);
    }

    @Test
    void refusesAnEmployerForADriverWhoseUserTypeIsNotBilledToEmployers() {
        UUID operatorId = createOperator();
        UUID employer = createEmployer(operatorId);

        refusedEmployer(createDriverAnswer(operatorId, d -> d.put("employerId", employer)),
                "is only for drivers of the user types [EMPLOYEE] (employerBilledUserTypes); this driver is RESIDENT");
    }

    @Test
    void answersAnotherOperatorsBusinessCustomerAsNoDriverAtAll() {
        UUID operatorId = createOperator();
        UUID foreign = createEmployer(createOperator());

        String answer = createDriverAnswer(operatorId, employeeOf(foreign)).then().statusCode(422)
                .body("violations.field", contains("employerId"))
                .body("violations[0].message", equalTo("is not a driver of this operator")).extract().asString();
        createDriverAnswer(operatorId, employeeOf(UUID.randomUUID())).then().statusCode(422)
                .body("violations[0].message", equalTo("is not a driver of this operator"));
        assertThat(answer).doesNotContain(foreign.toString());
    }

    @Test
    void keepsAnEmployerABusinessCustomerAndUnerasedWhileItEmploysAnyone() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        String employerEmail = anEmail("bv");
        UUID employer = createDriver(operatorId, employerEmail, business());
        String firstEmail = anEmail("anna");
        UUID first = createDriver(operatorId, firstEmail, employeeOf(employer));
        createDriver(operatorId, anEmail("piet"), employeeOf(employer));

        replace(admin, employer, employerEmail, d -> { }).then().statusCode(409)
                .body("detail", containsString("is the employer of 2 driver(s)"));
        given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", employer).then().statusCode(409)
                .body("detail", containsString("is the employer of 2 driver(s)"));
        // still a business customer with another of its numbers: allowed
        replace(admin, employer, employerEmail, d -> {
            d.put("companyName", "Jansen Installatie BV");
            d.put("companyRegistrationNumber", "12345678");
        }).then().statusCode(200);

        given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", first).then().statusCode(200);
        given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", employer).then().statusCode(409)
                .body("detail", containsString("is the employer of 1 driver(s)"));
    }

    @Test
    void billsTheOperatorsChosenUserTypesToEmployersAndPublishesThem() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        given().auth().oauth2(admin).get("/api/operators/{o}", operatorId).then().statusCode(200)
                .body("employerBilledUserTypes", contains("EMPLOYEE"));
        assertThat(registry.awaitLatest(OperatorRecord.class, operatorId).employerBilledUserTypes())
                .containsExactly("EMPLOYEE");

        putOperator(admin, operatorId, o -> {
            o.put("userTypes", List.of("STUDENT", "LEASE"));
            o.put("employerBilledUserTypes", List.of("LEASE", "EMPLOYEE"));
        }).then().statusCode(200).body("employerBilledUserTypes", contains("EMPLOYEE", "LEASE"));
        assertThat(registry.awaitLatest(OperatorRecord.class, operatorId, r -> r.revision() == 1)
                .employerBilledUserTypes()).containsExactly("EMPLOYEE", "LEASE");

        UUID employer = createEmployer(operatorId);
        UUID leaser = createDriver(operatorId, anEmail("lease"), d -> {
            d.put("userType", "LEASE");
            d.put("employerId", employer);
        });
        assertThat(registry.awaitLatest(DriverRecord.class, leaser).employerId()).isEqualTo(employer);
        putOperator(admin, operatorId, o -> {
            o.put("userTypes", List.of("STUDENT", "LEASE"));
            o.put("employerBilledUserTypes", List.of());
        }).then().statusCode(409).body("detail", containsString("1 driver(s) of user type EMPLOYEE, LEASE"));
        putOperator(admin, operatorId, o -> {
            o.put("userTypes", List.of("STUDENT", "LEASE"));
            o.put("employerBilledUserTypes", List.of("LEASE"));
        }).then().statusCode(200).body("employerBilledUserTypes", contains("LEASE"));
    }

    @Test
    void refusesEmployerBilledUserTypesThatAreNotTheOperatorsNamingEachEntry() {
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("employerBilledUserTypes", List.of("EMPLOYEE", "STUDENT", "EMPLOYEE"))))
                .post("/api/operators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("employerBilledUserTypes[1]", "employerBilledUserTypes[2]"))
                .body("violations[0].message", containsString("must be one of the operator's user types"));
    }

    @Test
    void keepsAPayoutIbanNormalizedShowsItToTheDriverAndMasksItInTheTrail() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        UUID driverId = linkAccount(operatorId, createDriver(operatorId, anEmail("anna"),
                d -> d.put("payoutIban", "nl44 rabo 0123 4567 89")));

        given().auth().oauth2(admin).get("/api/drivers/{d}", driverId).then().statusCode(200)
                .body("payoutIban", equalTo(PAYOUT_IBAN));
        given().auth().oauth2(TestTokens.driver(operatorId, driverId)).get("/api/me").then().statusCode(200)
                .body("payoutIban", equalTo(PAYOUT_IBAN));
        assertThat(registry.awaitLatest(DriverRecord.class, driverId, r -> r.accountId() != null).payoutIban())
                .isEqualTo(PAYOUT_IBAN);
        String trail = entries(admin, operatorId, driverId).prettify();
        assertThat(trail).contains("NL44**********6789").doesNotContain(PAYOUT_IBAN);
    }

    @Test
    void refusesAPayoutIbanWithWrongCheckDigits() {
        createDriverAnswer(createOperator(), d -> d.put("payoutIban", "NL45RABO0123456789")).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("payoutIban"));
    }

    @Test
    void erasureClearsThePayoutIbanAndKeepsTheEmployer() {
        UUID operatorId = createOperator();
        UUID employer = createEmployer(operatorId);
        UUID driverId = createDriver(operatorId, anEmail("anna"),
                employeeOf(employer).andThen(d -> d.put("payoutIban", PAYOUT_IBAN)));

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).post("/api/drivers/{d}/erasure", driverId).then()
                .statusCode(200).body("payoutIban", nullValue()).body("employerId", equalTo(employer.toString()));
        DriverRecord erased = registry.awaitLatest(DriverRecord.class, driverId, r -> "ERASED".equals(r.status()));
        assertThat(erased.payoutIban()).isNull();
        assertThat(erased.employerId()).isEqualTo(employer);
    }

    @Test
    void importsEmployeesWithTheirEmployerByEmailAndTheirPayoutIban() {
        UUID operatorId = createOperator();
        String employerEmail = anEmail("bv");
        UUID employer = createDriver(operatorId, employerEmail, business());
        String anna = anEmail("anna");
        String header = "name,email,street,postalCode,city,countryCode,userType,employerEmail,payoutIban\n";

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType("text/csv").body(header
                        + "Anna,ANNA,Lindelaan 1,3581 AB,Utrecht,NL,RESIDENT," + employerEmail + ",NL45RABO0123456789\n"
                        + "Piet," + anEmail("piet") + ",Lindelaan 2,3581 AB,Utrecht,NL,EMPLOYEE,nobody@example.org,\n")
                .post("/api/operators/{o}/imports/drivers", operatorId).then().statusCode(422)
                .body("violations.field", contains("line[2].email", "line[2].employerEmail", "line[2].payoutIban",
                        "line[3].employerEmail"));

        String id = given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType("text/csv").body(header
                        + "Anna," + anna + ",Lindelaan 1,3581 AB,Utrecht,NL,EMPLOYEE," + employerEmail.toUpperCase()
                        + ",NL44 RABO 0123 4567 89\n")
                .post("/api/operators/{o}/imports/drivers", operatorId).then().statusCode(200)
                .extract().path("rows[0].driverId");
        DriverRecord imported = registry.awaitLatest(DriverRecord.class, UUID.fromString(id));
        assertThat(imported.employerId()).isEqualTo(employer);
        assertThat(imported.payoutIban()).isEqualTo(PAYOUT_IBAN);
    }

    private static UUID createEmployer(UUID operatorId) {
        return createDriver(operatorId, anEmail("bv"), business());
    }

    private static Consumer<Map<String, Object>> business() {
        return d -> {
            d.put("companyName", "Jansen Installatie BV");
            d.put("companyVatNumber", "NL001234567B01");
        };
    }

    private static Consumer<Map<String, Object>> employeeOf(UUID employer) {
        return d -> {
            d.put("userType", "EMPLOYEE");
            d.put("employerId", employer);
        };
    }

    private static void refusedEmployer(Response answer, String rule) {
        answer.then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("employerId"))
                .body("violations[0].message", containsString(rule));
    }

    private static Response createDriverAnswer(UUID operatorId, Consumer<Map<String, Object>> changes) {
        return given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(aDriver(anEmail("new"), changes)).post("/api/operators/{o}/drivers", operatorId);
    }

    private static Response replace(String admin, UUID driverId, String email, Consumer<Map<String, Object>> changes) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(aDriver(email, changes))
                .put("/api/drivers/{d}", driverId);
    }

    private static Response putOperator(String admin, UUID operatorId, Consumer<Map<String, Object>> changes) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(anOperator(changes))
                .put("/api/operators/{o}", operatorId);
    }

    private static JsonPath entries(String admin, UUID operatorId, UUID driverId) {
        return given().auth().oauth2(admin)
                .get("/api/operators/{o}/audit-entries?entityType=Driver&entityId=" + driverId, operatorId)
                .then().statusCode(200).extract().jsonPath();
    }
}
