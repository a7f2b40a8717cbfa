package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.invoices.InvoicingTest.as;
import static org.evsettle.invoices.Scenario.number;
import static org.evsettle.invoices.Scenario.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.evsettle.events.invoices.InvoiceIssued;
import org.evsettle.events.invoices.InvoiceUpdated;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class BillingRunTest {

    @Inject
    BillingRuns runs;
    @Inject
    InvoiceIssuing issuing;

    @Test
    void issuesOneInvoicePerDriverNumberedWithoutGapsInTheOrderOfTheirNames() {
        Scenario operator = new Scenario().operator(o -> o.prefix("LINDE").graceDays(5).paymentTermDays(14));
        UUID bob = operator.driver(d -> d.name("Bob Jansen"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        UUID carla = operator.driver(d -> d.name("Carla Smits"));
        operator.charge(bob, "2026-01-10T08:00:00Z", "4.32");
        operator.charge(anna, "2026-01-03T18:00:00Z", "2.00");
        operator.charge(anna, "2026-01-31T22:59:00Z", "3.00");
        operator.charge(carla, "2026-01-20T12:00:00Z", "10.00");
        // 00:30 on 1 February in Amsterdam, still 31 January in UTC: billed with February
        operator.charge(carla, "2026-01-31T23:30:00Z", "1.00");
        operator.awaitOpenLines(anna, 2);
        operator.awaitOpenLines(bob, 1);
        operator.awaitOpenLines(carla, 2);

        JsonPath run = operator.run("2026-01-01");

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getString("periodEnd")).isEqualTo("2026-01-31");
        assertThat(run.getInt("invoicesIssued")).isEqualTo(3);
        assertThat(run.getString("firstNumber")).isEqualTo(number("LINDE", 1));
        assertThat(run.getString("lastNumber")).isEqualTo(number("LINDE", 3));
        assertThat(new BigDecimal(run.getString("grossAmount"))).isEqualByComparingTo("23.38");
        String annas = operator.only(anna, "INVOICE", "ISSUED");
        JsonPath invoice = operator.invoice(annas);
        assertThat(invoice.getString("number")).isEqualTo(number("LINDE", 1));
        assertThat(invoice.getString("issueDate")).isEqualTo(today().toString());
        assertThat(invoice.getString("dueDate")).isEqualTo(today().plusDays(14).toString());
        assertThat(invoice.getString("paymentMethod")).isEqualTo("TRANSFER");
        assertThat(CreditorReference.isValid(invoice.getString("paymentReference"))).isTrue();
        assertThat(invoice.getString("paymentReference")).endsWith(today().getYear() + "000001");
        assertThat(invoice.getInt("lineCount")).isEqualTo(2);
        assertThat(invoice.getString("supplier.vatNumber")).isEqualTo("NL001234567B01");
        assertThat(invoice.getString("customer.name")).isEqualTo("Anna de Vries");
        assertThat(operator.invoice(operator.only(bob, "INVOICE", "ISSUED")).getString("number")).isEqualTo(number("LINDE", 2));
        assertThat(operator.invoice(operator.only(carla, "INVOICE", "ISSUED")).getString("number")).isEqualTo(number("LINDE", 3));
        // Carla's session of 1 February waits on her open February invoice
        assertThat(operator.invoice(operator.only(carla, "INVOICE", "OPEN")).getString("periodStart")).isEqualTo("2026-02-01");

        List<InvoiceIssued> issued = operator.awaitEvents(InvoiceIssued.class, e -> e.operatorId().equals(operator.operatorId), 3);
        assertThat(issued).extracting(InvoiceIssued::number)
                .containsExactlyInAnyOrder(number("LINDE", 1), number("LINDE", 2), number("LINDE", 3));
        assertThat(issued).filteredOn(e -> e.driverId().equals(anna)).singleElement().satisfies(e -> {
            assertThat(e.grossAmount()).isEqualByComparingTo("6.05");
            assertThat(e.dueDate()).isEqualTo(today().plusDays(14));
            assertThat(e.paymentReference()).isEqualTo(invoice.getString("paymentReference"));
        });
        assertThat(operator.awaitEvents(InvoiceUpdated.class, e -> e.invoiceId().toString().equals(annas)
                && "ISSUED".equals(e.status()), 1)).singleElement()
                .satisfies(e -> assertThat(e.number()).isEqualTo(number("LINDE", 1)));
    }

    @Test
    void runningAPeriodAgainIssuesNothingTwice() {
        Scenario operator = new Scenario().operator(o -> o.prefix("VVE"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        operator.charge(anna, "2026-02-10T08:00:00Z", "4.32");
        operator.awaitOpenLines(anna, 1);

        JsonPath first = operator.run("2026-02-01");
        JsonPath again = operator.run("2026-02-01");

        assertThat(again.getString("id")).isEqualTo(first.getString("id"));
        assertThat(again.getInt("invoicesIssued")).isEqualTo(1);
        assertThat(operator.documentsOf(anna).getList("items.number")).containsExactly(number("VVE", 1));
        operator.admin().get("/api/operators/{o}/billing-runs", operator.operatorId).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].periodStart", equalTo("2026-02-01"));
    }

    @Test
    void concurrentRunsShareTheWorkWithoutGapsOrDoubles() throws Exception {
        Scenario operator = new Scenario().operator(o -> o.prefix("PAR"));
        List<UUID> drivers = IntStream.range(0, 12).mapToObj(i -> operator.driver(d -> d.name("Driver " + (100 + i)))).toList();
        drivers.forEach(driver -> operator.charge(driver, "2026-03-15T10:00:00Z", "1.00"));
        drivers.forEach(driver -> operator.awaitOpenLines(driver, 1));
        BillingPeriod march = new BillingPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Object>> racing = new ArrayList<>();
            racing.add(() -> operator.run("2026-03-01"));
            racing.add(() -> runs.run(operator.operatorId, march, BillingRun.Trigger.REQUEST, Instant.now()));
            racing.add(() -> runs.runDue(operator.operatorId, Instant.now()));
            for (Future<Object> result : pool.invokeAll(racing)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }

        List<String> numbers = drivers.stream().map(d -> operator.documentsOf(d).getString("items[0].number")).sorted().toList();
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj(i -> number("PAR", i)).toList());
        // the runs' counts add up to what was issued, whichever run issued it
        assertThat(operator.admin().get("/api/operators/{o}/billing-runs", operator.operatorId).then().statusCode(200)
                .extract().jsonPath().getList("items.invoicesIssued", Integer.class))
                .satisfies(counts -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12));
    }

    @Test
    void aRunThatDiedHalfwayResumesWhereItStoppedAndAChunkRolledBackReturnsItsNumbers() {
        Scenario operator = new Scenario().operator(o -> o.prefix("CRASH"));
        List<UUID> drivers = IntStream.range(0, 5).mapToObj(i -> operator.driver(d -> d.name("Driver " + i))).toList();
        drivers.forEach(driver -> operator.charge(driver, "2026-04-15T10:00:00Z", "2.50"));
        drivers.forEach(driver -> operator.awaitOpenLines(driver, 1));
        BillingPeriod april = new BillingPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
        Instant now = Instant.now();

        // the run starts and issues a first chunk of two, then a chunk of two fails before it commits ...
        UUID runId = QuarkusTransaction.requiringNew().call(() -> runs.start(operator.operatorId, april,
                BillingRun.Trigger.SCHEDULE, now));
        QuarkusTransaction.requiringNew().call(() -> issuing.issueChunk(runId, operator.operatorId, april.end(), now, 2));
        assertThat(rolledBack(() -> issuing.issueChunk(runId, operator.operatorId, april.end(), now, 2))).isTrue();
        // ... and the process dies: the next scheduled check finds the run unfinished and resumes it
        BillingRun resumed = runs.runDue(operator.operatorId, now).orElseThrow();

        assertThat(resumed.id).isEqualTo(runId);
        assertThat(resumed.status).isEqualTo(BillingRun.Status.COMPLETED);
        assertThat(resumed.invoicesIssued).isEqualTo(5);
        assertThat(resumed.firstNumber).isEqualTo(number("CRASH", 1));
        assertThat(resumed.lastNumber).isEqualTo(number("CRASH", 5));
        assertThat(drivers.stream().map(d -> operator.documentsOf(d).getString("items[0].number")).sorted())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 5).mapToObj(i -> number("CRASH", i)).toList());
        assertThat(runs.run(operator.operatorId, april, BillingRun.Trigger.REQUEST, now).invoicesIssued).isEqualTo(5);
    }

    @Test
    void theScheduleBillsTheLatestPeriodWhoseGraceDaysHavePassed() {
        Scenario operator = new Scenario().operator(o -> o.prefix("SCH").interval("WEEKLY").graceDays(2));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        operator.charge(anna, "2026-06-02T10:00:00Z", "3.00");
        operator.awaitOpenLines(anna, 1);

        // Tuesday 9 June: the week of 1 to 7 June is billable from Wednesday 10 June
        assertThat(runs.runDue(operator.operatorId, Instant.parse("2026-06-09T12:00:00Z"))).isPresent()
                .get().satisfies(run -> assertThat(run.periodEnd).isEqualTo(LocalDate.of(2026, 5, 31)));
        assertThat(operator.documentsOf(anna).getString("items[0].status")).isEqualTo("OPEN");
        BillingRun week = runs.runDue(operator.operatorId, Instant.parse("2026-06-10T12:00:00Z")).orElseThrow();

        assertThat(week.periodStart).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(week.invoicesIssued).isEqualTo(1);
        assertThat(operator.documentsOf(anna).getString("items[0].status")).isEqualTo("ISSUED");
        assertThat(runs.runDue(operator.operatorId, Instant.parse("2026-06-11T12:00:00Z"))).isEmpty();
    }

    @Test
    void aSessionThatArrivesAfterItsPeriodWasBilledGoesOnTheNextInvoiceWithItsOwnDate() {
        Scenario operator = new Scenario().operator(o -> o.prefix("LATE"));
        UUID anna = operator.driver(d -> d.name("Anna de Vries"));
        operator.charge(anna, "2026-05-04T10:00:00Z", "3.00");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-05-01");

        // a charger that was offline reports a session of 20 May after May was billed
        operator.charge(anna, "2026-05-20T17:45:00Z", "6.00");
        operator.awaitOpenLines(anna, 1);

        JsonPath june = operator.invoice(operator.only(anna, "INVOICE", "OPEN"));
        assertThat(june.getString("periodStart")).isEqualTo("2026-06-01");
        assertThat(june.getString("lines[0].startedAt")).isEqualTo("2026-05-20T17:45:00Z");
        assertThat(june.getString("lines[0].note")).contains("Started on 2026-05-20").contains("billed already");
        JsonPath may = operator.invoice(operator.only(anna, "INVOICE", "ISSUED"));
        assertThat(may.getInt("lineCount")).isEqualTo(1);
    }

    @Test
    void aDriverWithNothingToPayGetsAStatementWhenTheOperatorWantsOne() {
        Scenario statements = new Scenario().operator(o -> o.prefix("FREE").issuesStatements(true));
        UUID anna = statements.driver(d -> d.name("Anna de Vries"));
        UUID bob = statements.driver(d -> d.name("Bob Jansen"));
        statements.charge(anna, "2026-07-04T10:00:00Z", "0.00");
        statements.charge(bob, "2026-07-05T10:00:00Z", "5.00");
        statements.awaitOpenLines(anna, 1);
        statements.awaitOpenLines(bob, 1);
        Scenario silent = new Scenario().operator(o -> o.prefix("QUIET"));
        UUID carla = silent.driver(d -> d.name("Carla Smits"));
        silent.charge(carla, "2026-07-04T10:00:00Z", "0.00");
        silent.awaitOpenLines(carla, 1);

        JsonPath run = statements.run("2026-07-01");
        JsonPath silentRun = silent.run("2026-07-01");

        assertThat(run.getInt("invoicesIssued")).isEqualTo(1);
        assertThat(run.getInt("statementsIssued")).isEqualTo(1);
        JsonPath statement = statements.invoice(statements.only(anna, "STATEMENT", "CLOSED"));
        assertThat(statement.getString("number")).isEqualTo("FREE-S-" + today().getYear() + "-000001");
        assertThat(statement.getInt("lineCount")).isEqualTo(1);
        assertThat(statements.documentsOf(bob).getString("items[0].number")).isEqualTo(number("FREE", 1));
        statements.driverOf(anna).get("/api/invoices/{id}/pdf", statement.getString("id")).then().statusCode(200);
        assertThat(silentRun.getInt("invoicesIssued")).isZero();
        assertThat(silentRun.getInt("closedUnbilled")).isEqualTo(1);
        JsonPath closed = silent.documentsOf(carla);
        assertThat(closed.getString("items[0].kind")).isEqualTo("STATEMENT");
        assertThat(closed.getString("items[0].status")).isEqualTo("CLOSED");
        assertThat(closed.getString("items[0].number")).isNull();
    }

    @Test
    void holdsTheInvoiceOfADriverTheRegistryHasNotToldOfUntilItHas() {
        Scenario operator = new Scenario().operator(o -> o.prefix("HOLD"));
        UUID stranger = UUID.randomUUID();
        operator.charge(stranger, "2026-08-04T10:00:00Z", "3.00");
        operator.awaitOpenLines(stranger, 1, false);

        JsonPath run = operator.run("2026-08-01");
        assertThat(run.getInt("held")).isEqualTo(1);
        assertThat(operator.documentsOf(stranger).getString("items[0].status")).isEqualTo("OPEN");

        operator.topics.publish(InvoiceFixtures.REGISTRY, InvoiceFixtures.aDriver(stranger, operator.operatorId,
                d -> d.name("Late Registered")));
        // a run may see the driver arrive between issuing and counting what it held; the next one issues it
        await().atMost(Scenario.PATIENCE).until(() -> operator.run("2026-08-01").getInt("held") == 0
                && operator.documentsOf(stranger).getString("items[0].number") != null);
        assertThat(operator.documentsOf(stranger).getString("items[0].number")).isEqualTo(number("HOLD", 1));
    }

    @Test
    void refusesAPeriodThatIsNotBillableOrNotAPeriod() {
        Scenario operator = new Scenario().operator(o -> o.prefix("NOPE").graceDays(5));
        operator.driver(d -> d.name("Anna de Vries"));
        await().atMost(Scenario.PATIENCE).until(() -> operator.admin()
                .get("/api/operators/{o}/billing-runs", operator.operatorId).statusCode() == 200);
        LocalDate thisMonth = today().withDayOfMonth(1);

        operator.admin().contentType("application/json").body(Map.of("periodStart", thisMonth.toString()))
                .post("/api/operators/{o}/billing-runs", operator.operatorId).then().statusCode(422)
                .contentType("application/problem+json");
        operator.admin().contentType("application/json").body(Map.of("periodStart", "2026-01-15"))
                .post("/api/operators/{o}/billing-runs", operator.operatorId).then().statusCode(400)
                .body("violations[0].field", equalTo("periodStart"));
        operator.admin().contentType("application/json").body(Map.of())
                .post("/api/operators/{o}/billing-runs", operator.operatorId).then().statusCode(400);
        as(TestTokens.operatorAdmin(UUID.randomUUID())).contentType("application/json")
                .body(Map.of("periodStart", "2026-01-01"))
                .post("/api/operators/{o}/billing-runs", operator.operatorId).then().statusCode(404);
        as(TestTokens.driver(operator.operatorId, UUID.randomUUID())).contentType("application/json")
                .body(Map.of("periodStart", "2026-01-01"))
                .post("/api/operators/{o}/billing-runs", operator.operatorId).then().statusCode(403);
    }

    /** Runs the work in a transaction that is rolled back after it, as a crash before the commit would. */
    private static boolean rolledBack(Callable<Integer> work) {
        try {
            QuarkusTransaction.requiringNew().call(() -> {
                assertThat(work.call()).isPositive();
                throw new IllegalStateException("the process dies before the commit");
            });
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
