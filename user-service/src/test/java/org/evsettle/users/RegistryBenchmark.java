package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.createOperator;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Not a test: measures the registry under load and prints the figures (run with -Pbenchmark, see the
 * README). Sizes come from system properties: benchmark.importRows, benchmark.importRounds,
 * benchmark.singleCreates.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RegistryBenchmark {

    private final int importRows = Integer.getInteger("benchmark.importRows", 1_000);
    private final int importRounds = Integer.getInteger("benchmark.importRounds", 3);
    private final int singleCreates = Integer.getInteger("benchmark.singleCreates", 300);
    private final PublishedRegistry registry = PublishedRegistry.shared();
    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws IOException {
        importOnce(createOperator(), 50); // warms up the code paths and the outbox relay
        report.add(String.format("user-service benchmark: %d rounds of importing %d drivers with cards; %d single"
                + " driver creations", importRounds, importRows, singleCreates));

        List<Long> importMillis = new ArrayList<>();
        List<Long> publishMillis = new ArrayList<>();
        for (int round = 1; round <= importRounds; round++) {
            long[] figures = importOnce(createOperator(), importRows);
            importMillis.add(figures[0]);
            publishMillis.add(figures[1]);
            report.add(String.format("  import round %d: %d rows committed in %d ms (%.0f rows/s); all %d records on"
                            + " the topics %d ms after the request started", round, importRows, figures[0],
                    importRows * 1000.0 / figures[0], importRows * 2, figures[1]));
        }
        report.add(String.format("  import median: %d ms for %d rows; publish median %d ms", median(importMillis),
                importRows, median(publishMillis)));

        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        List<Long> createMicros = new ArrayList<>();
        for (int i = 0; i < singleCreates; i++) {
            long started = System.nanoTime();
            Response response = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(RegistryFixtures.aDriver(anEmail("driver"), d -> { }))
                    .post("/api/operators/{o}/drivers", operatorId);
            createMicros.add((System.nanoTime() - started) / 1_000);
            response.then().statusCode(201);
        }
        Collections.sort(createMicros);
        report.add(String.format("  single driver creation over REST (sequential, incl. client): p50 %.1f ms,"
                        + " p95 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(createMicros, 50) / 1000.0,
                percentile(createMicros, 95) / 1000.0, percentile(createMicros, 99) / 1000.0,
                createMicros.get(createMicros.size() - 1) / 1000.0));

        report.forEach(System.out::println);
        Path results = Path.of("target", "benchmark-results.txt");
        Files.write(results, report);
        System.out.println("Written to " + results.toAbsolutePath());
    }

    /** Imports the rows; returns the milliseconds until the answer and until every record was on the topics. */
    private long[] importOnce(UUID operatorId, int rows) {
        String csv = DriverImportTest.residents(rows);
        long started = System.nanoTime();
        Response response = given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType("text/csv")
                .body(csv).post("/api/operators/{o}/imports/drivers", operatorId);
        long answered = (System.nanoTime() - started) / 1_000_000;
        List<String> ids = response.then().statusCode(200).extract().path("rows.driverId");
        Set<UUID> drivers = ids.stream().map(UUID::fromString).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> registry.all().stream()
                .filter(e -> (e.data() instanceof DriverRecord d && drivers.contains(d.id()))
                        || (e.data() instanceof CardRecord c && drivers.contains(c.driverId())))
                .count() == 2L * rows);
        return new long[] {answered, (System.nanoTime() - started) / 1_000_000};
    }

    /** The median; of an even count, the lower middle value. */
    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
