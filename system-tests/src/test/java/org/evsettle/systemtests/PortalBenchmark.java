package org.evsettle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.evsettle.devstack.platform.Service;
import org.evsettle.devstack.postgres.PostgresServer;
import org.evsettle.testkit.ProjectRoot;
import org.junit.jupiter.api.Test;

/**
 * The portal's speed, measured, not tested: the JavaScript the browser loads (gzipped), how long the
 * dashboard and the sessions page take to show their data in Chromium, and a page of sessions through
 * the api-gateway with a million sessions stored (first page, pages deep by cursor, a filtered page),
 * beside the same page asked of session-service directly. Run with
 * {@code ./mvnw -pl system-tests verify -Pbenchmark} (after {@code ./mvnw package -DskipTests});
 * {@code -Dbenchmark.sessions=1000000} sets the size. Results also in {@code target/benchmark-results.txt}.
 */
class PortalBenchmark {

    private static final int SESSIONS = Integer.getInteger("benchmark.sessions", 1_000_000);
    private static final int WARM_UP = 100;
    private static final int MEASURED = 300;

    private final List<String> results = new ArrayList<>();

    @Test
    void measuresThePortalAndAPageOfSessionsOverAMillion() throws Exception {
        note("JavaScript of the portal: %,d bytes gzipped (%s)", gzippedJavaScript(), "api-gateway/target/portal/assets");

        RunningPlatform running = RunningPlatform.get();
        PortalBrowser browser = new PortalBrowser(running.url(Service.API_GATEWAY));
        Tenant usual = Tenant.create(running, "0.30");
        JsonNode first = browser.run("measurePageLoad", usual.adminUsername(), Tenant.PASSWORD,
                Map.of("rounds", 15, "coldCache", true));
        report("first visit (no browser cache) of the dashboard until its chart shows", millis(first.path("dashboard")));
        report("first visit (no browser cache) of the sessions page until it shows its list", millis(first.path("sessions")));
        note("last navigation: DOMContentLoaded %d ms, load %d ms, %,d bytes transferred",
                first.at("/lastNavigation/domContentLoaded").asInt(), first.at("/lastNavigation/load").asInt(),
                first.at("/lastNavigation/transferred").asLong());
        note("  the dashboard's visits in order, ms: %s", first.path("dashboard"));
        note("  the sessions page's visits in order, ms: %s", first.path("sessions"));
        first.path("dashboardResources").forEach(resource -> note("  dashboard requested %s", resource.asText()));

        Tenant tenant = Tenant.create(running, "0.30");
        long seeding = System.nanoTime();
        seed(running, tenant, SESSIONS);
        note("stored %,d sessions of one operator in %.1f s", SESSIONS, (System.nanoTime() - seeding) / 1e9);

        String gateway = running.url(Service.API_GATEWAY) + "/api/sessions/sessions";
        String direct = running.url(Service.SESSION_SERVICE) + "/api/sessions";
        String token = tenant.adminToken();
        times("warm-up", gateway + "?limit=100", token, WARM_UP);
        report("first page of 100, through the gateway", times("gateway", gateway + "?limit=100", token, MEASURED));
        report("first page of 100, session-service directly", times("direct", direct + "?limit=100", token, MEASURED));
        int deep = Math.min(MEASURED, SESSIONS / 100 - 1);
        report("pages 2 to " + (deep + 1) + " of 100 by cursor, through the gateway", walk(gateway, token, deep));
        report("a month of completed sessions, first page of 100, through the gateway",
                times("filtered", gateway + "?limit=100&status=COMPLETED&from=2025-03-01&to=2025-03-31", token, MEASURED));

        JsonNode large = browser.run("measurePageLoad", tenant.adminUsername(), Tenant.PASSWORD, Map.of("rounds", 15));
        report("the million-session operator's dashboard until its chart shows", millis(large.path("dashboard")));
        report("the million-session operator's sessions page until its first row shows", millis(large.path("sessions")));

        Path file = ProjectRoot.find().resolve("system-tests/target/benchmark-results.txt");
        Files.write(file, results);
    }

    /** Sessions of the tenant's operator, charger and driver, one every 2 minutes back from now. */
    private static void seed(RunningPlatform running, Tenant tenant, int count) throws SQLException {
        String sql = """
                INSERT INTO charging_session (id, version, status, charge_point_id, transaction_id, connector_id,
                    operator_id, site_id, driver_id, id_tag, user_type, authorization_status, started_at,
                    start_received_at, meter_start_wh, stopped_at, stop_received_at, meter_stop_wh, energy_wh,
                    stop_reason, known_transaction, connected_seconds, charging_seconds, idle_seconds)
                SELECT gen_random_uuid(), 0, 'COMPLETED', ?, 1000000 + g, 1, ?, ?, ?, ?, 'RESIDENT', 'Accepted',
                    now() - g * interval '2 minutes', now() - g * interval '2 minutes', g::bigint * 10000,
                    now() - g * interval '2 minutes' + interval '95 minutes',
                    now() - g * interval '2 minutes' + interval '95 minutes', g::bigint * 10000 + 7000 + g % 9000,
                    7000 + g % 9000, 'EVDisconnected', true, 5700, 5000, 700
                FROM generate_series(1, ?) AS g
                """;
        try (Connection db = DriverManager.getConnection(running.stack().postgres().jdbcUrl("sessions"),
                PostgresServer.USER, "postgres");
             PreparedStatement insert = db.prepareStatement(sql)) {
            insert.setString(1, tenant.chargePointId());
            insert.setObject(2, tenant.operatorId());
            insert.setObject(3, tenant.siteId());
            insert.setObject(4, tenant.driverId());
            insert.setString(5, tenant.cardIdTag());
            insert.setInt(6, count);
            insert.executeUpdate();
            try (Statement analyze = db.createStatement()) {
                analyze.execute("VACUUM ANALYZE charging_session");
            }
        }
    }

    private static long[] times(String what, String url, String token, int count) {
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            Response page = given().auth().oauth2(token).get(url);
            micros[i] = (System.nanoTime() - started) / 1_000;
            assertThat(page.statusCode()).as(what).isEqualTo(200);
            assertThat(page.jsonPath().getList("items")).as(what).hasSize(100);
        }
        return micros;
    }

    private static long[] walk(String url, String token, int pages) {
        String cursor = given().auth().oauth2(token).get(url + "?limit=100").jsonPath().getString("next");
        long[] micros = new long[pages];
        for (int i = 0; i < pages; i++) {
            long started = System.nanoTime();
            Response page = given().auth().oauth2(token).queryParam("limit", 100).queryParam("cursor", cursor).get(url);
            micros[i] = (System.nanoTime() - started) / 1_000;
            assertThat(page.statusCode()).isEqualTo(200);
            cursor = page.jsonPath().getString("next");
            assertThat(cursor).isNotNull();
        }
        return micros;
    }

    private static long[] millis(JsonNode times) {
        long[] micros = new long[times.size()];
        for (int i = 0; i < times.size(); i++) {
            micros[i] = times.get(i).asLong() * 1_000;
        }
        return micros;
    }

    private void report(String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        note("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)", what,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1_000.0, sorted.length);
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000.0;
    }

    private static long gzippedJavaScript() throws IOException {
        Path assets = ProjectRoot.find().resolve("api-gateway/target/portal/assets");
        long total = 0;
        try (Stream<Path> files = Files.list(assets)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                    gzip.write(Files.readAllBytes(file));
                }
                total += zipped.size();
            }
        }
        return total;
    }

    private void note(String format, Object... args) {
        String line = String.format(format, args);
        results.add(line);
        System.out.println("[benchmark] " + line);
    }
}
