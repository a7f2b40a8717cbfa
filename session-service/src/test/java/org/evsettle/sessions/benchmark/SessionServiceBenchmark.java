package org.evsettle.sessions.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.evsettle.devstack.ChildProcess;
import org.evsettle.devstack.DevStack;
import org.evsettle.devstack.Ports;
import org.evsettle.devstack.postgres.PostgresServer;
import org.evsettle.testkit.ProjectRoot;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The speed benchmark of session-service; not a test, never part of {@code verify}. Run with
 * {@code ./mvnw -o -pl session-service verify -Pbenchmark} (sizes: -Dbenchmark.sessions,
 * -Dbenchmark.report-sessions, -Dbenchmark.ingest-sessions, -Dbenchmark.heap). It starts a durable
 * devstack (fsync on) and the packaged service with the given heap, stores the sessions with COPY, times
 * a month's charge report of one operator as CSV and as XLSX, then stops the service, queues a day of
 * charger events on ocpp.events and times how fast the restarted service ingests them into PostgreSQL.
 */
class SessionServiceBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int ROUNDS = 3;

    private final long sessions = Long.getLong("benchmark.sessions", 1_000_000);
    private final int reportSessions = Integer.getInteger("benchmark.report-sessions", 100_000);
    private final int ingestSessions = Integer.getInteger("benchmark.ingest-sessions", 5_000);
    private final String heap = System.getProperty("benchmark.heap", "256m");
    private final int ingestWarmUp = Integer.getInteger("benchmark.ingest-warm-up", 1_000);
    private final List<String> results = new ArrayList<>();

    @Test
    void measuresTheChargeReportAndIngest() throws Exception {
        Path root = ProjectRoot.find();
        Path module = Path.of(System.getProperty("benchmark.module", root.resolve("session-service").toString()));
        Path data = Files.createTempDirectory("evsettle-benchmark-");
        DevStack.Settings settings = new DevStack.Settings(data, root.resolve(".devstack/dist"),
                root.resolve("deploy/keycloak/evsettle-realm.json"), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), true, false);
        note("session-service benchmark: %,d sessions stored, a report month of %,d, ingest of %,d sessions' "
                + "events, service heap -Xmx%s, %d cores", sessions, reportSessions, ingestSessions, heap,
                Runtime.getRuntime().availableProcessors());
        Path serviceLog = data.resolve("logs/session-service.log");
        try (DevStack stack = DevStack.start(settings)) {
            String jdbcUrl = stack.postgres().jdbcUrl("sessions");
            Service service = new Service(module, stack, heap, serviceLog);
            try {
                run(service, stack, jdbcUrl);
            } finally {
                service.stop();
            }
        } finally {
            Path out = module.resolve("target/benchmark-results.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, results);
            if (Files.exists(serviceLog)) {
                Files.copy(serviceLog, module.resolve("target/benchmark-session-service.log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            deleteTree(data); // a million sessions take a few GB
            System.out.println("Benchmark results in " + out);
        }
    }

    private void run(Service service, DevStack stack, String jdbcUrl) throws Exception {
        service.start();

        long seeded = System.nanoTime();
        BulkSeeder.Seeded seed;
        try (Connection db = connect(jdbcUrl)) {
            seed = new BulkSeeder(db).seed(sessions, reportSessions);
        }
        note("stored %,d sessions (COPY, with prices and registry copies) in %.1f s", sessions,
                seconds(System.nanoTime() - seeded));

        String token = TestTokens.operatorAdmin(seed.reportOperator());
        String report = service.url() + "/api/reports/sessions?operatorId=" + seed.reportOperator()
                + "&from=" + seed.from() + "&to=" + seed.to();
        for (int round = 1; round <= ROUNDS; round++) {
            Download csv = download(report + "&format=csv", token);
            assertThat(csv.rows()).isEqualTo(reportSessions);
            note("round %d: CSV of %,d sessions, %,d bytes, in %.2f s", round, csv.rows(), csv.bytes(),
                    csv.seconds());
            Download xlsx = download(report + "&format=xlsx", token);
            assertThat(xlsx.rows()).isEqualTo(reportSessions);
            note("round %d: XLSX of %,d sessions, %,d bytes, in %.2f s", round, xlsx.rows(), xlsx.bytes(),
                    xlsx.seconds());
        }
        assertThat(service.isAlive()).as("the service survived the downloads within its heap").isTrue();
        note("service peak resident memory (heap -Xmx%s plus the JVM): %s", heap, service.peakResident());

        service.stop();
        // a backlog, as after an outage: first a warm-up the service applies before the measured events on
        // every partition (its JIT compiles the path there), then the measured events
        IngestLoad warmUp = new IngestLoad(stack.kafka().bootstrapServers(), ingestWarmUp, "WU-");
        warmUp.publish();
        IngestLoad load = new IngestLoad(stack.kafka().bootstrapServers(), ingestSessions, "IN-");
        long queued = load.publish();
        note("queued %,d charger events (%,d sessions on %,d chargers) on ocpp.events, behind a warm-up of %,d "
                + "sessions", queued, ingestSessions, load.chargers(), ingestWarmUp);
        long restarted = System.nanoTime();
        service.start();
        try (Connection db = connect(jdbcUrl)) {
            long completed = 0;
            while (completed < ingestSessions) {
                Thread.sleep(500); // a benchmark polls its target; tests never sleep
                completed = count(db, "SELECT count(*) FROM charging_session WHERE charge_point_id LIKE 'IN-%' "
                        + "AND status = 'COMPLETED'");
                assertThat(service.isAlive()).isTrue();
                assertThat(System.nanoTime() - restarted).as("ingest finished in time")
                        .isLessThan(Duration.ofMinutes(30).toNanos());
            }
            double wall = seconds(System.nanoTime() - restarted);
            // a start or stop is recorded with its batch's transaction start: the first measured batch brings
            // starts, the last one stops
            double window = millisBetweenFirstAndLast(db, load.transactionEventIds()) / 1000.0;
            note("ingested %,d events into %,d completed sessions: %.0f events/s between the first and the "
                    + "last batch (%.1f s); %.1f s from the restart, start-up and warm-up included", queued,
                    completed, queued / Math.max(window, 0.001), window, wall);
        }
    }

    private static long millisBetweenFirstAndLast(Connection db, List<UUID> eventIds) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT (extract(epoch FROM max(processed_at) - "
                + "min(processed_at)) * 1000)::bigint FROM processed_event WHERE consumer = 'session-service.charger-events' "
                + "AND event_id = ANY(?)")) {
            query.setArray(1, db.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        results.add(line);
        System.out.println("[benchmark] " + line);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, PostgresServer.USER, "postgres");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** A download as a client sees it: time to the last byte, its size, and the sessions it holds. */
    private record Download(double seconds, long bytes, long rows) {
    }

    private static Download download(String url, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5)).GET().build();
        if (url.endsWith("format=xlsx")) {
            Path file = Files.createTempFile("charge-report-", ".xlsx");
            try {
                long start = System.nanoTime();
                HttpResponse<Path> response = HTTP.send(request, HttpResponse.BodyHandlers.ofFile(file));
                double seconds = seconds(System.nanoTime() - start);
                assertThat(response.statusCode()).isEqualTo(200);
                return new Download(seconds, Files.size(file), countXlsxRows(file));
            } finally {
                Files.deleteIfExists(file);
            }
        }
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long[] counted = countCsv(response.body());
        return new Download(seconds(System.nanoTime() - start), counted[0], counted[1]);
    }

    /** Bytes, and session lines (not the # header, not the column names). */
    private static long[] countCsv(InputStream body) throws IOException {
        long bytes = 0;
        long lines = 0;
        boolean lineStart = true;
        boolean comment = false;
        byte[] buffer = new byte[1 << 16];
        try (body) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (lineStart) {
                        comment = buffer[i] == '#';
                        lineStart = false;
                    }
                    if (buffer[i] == '\n') {
                        if (!comment) {
                            lines++;
                        }
                        lineStart = true;
                    }
                }
            }
        }
        return new long[] {bytes, lines - 1};
    }

    /** Rows of the Sessions sheet less its column names. */
    private static long countXlsxRows(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            try (InputStream sheet = zip.getInputStream(zip.getEntry("xl/worksheets/sheet2.xml"))) {
                return occurrences(sheet, "<row ".getBytes()) - 1;
            }
        }
    }

    private static long occurrences(InputStream in, byte[] pattern) throws IOException {
        long found = 0;
        int matched = 0;
        byte[] buffer = new byte[1 << 16];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
                matched = buffer[i] == pattern[matched] ? matched + 1 : (buffer[i] == pattern[0] ? 1 : 0);
                if (matched == pattern.length) {
                    found++;
                    matched = 0;
                }
            }
        }
        return found;
    }

    /** The packaged service in its own JVM with the benchmark's heap, pointed at the devstack. */
    private static final class Service {
        private final Path jar;
        private final DevStack stack;
        private final String heap;
        private final Path log;
        private final int port = Ports.free();
        /** Health checks and metrics answer on the management port (service-kit), not on the HTTP port. */
        private final int managementPort = Ports.free();
        private ChildProcess process;

        Service(Path module, DevStack stack, String heap, Path log) {
            this.jar = module.resolve("target/quarkus-app/quarkus-run.jar");
            this.stack = stack;
            this.heap = heap;
            this.log = log;
        }

        String url() {
            return "http://localhost:" + port;
        }

        void start() throws InterruptedException {
            List<String> command = new ArrayList<>(List.of(ChildProcess.currentJava(), "-Xms" + heap, "-Xmx" + heap,
                    "-XX:+ExitOnOutOfMemoryError", "-Dquarkus.http.port=" + port,
                    "-Dquarkus.management.port=" + managementPort,
                    "-Devsettle.db.port=" + stack.postgres().port(),
                    "-Dkafka.bootstrap.servers=" + stack.kafka().bootstrapServers(),
                    "-Dquarkus.oidc.auth-server-url=",
                    "-Dquarkus.oidc.public-key=" + TestTokens.publicKey(),
                    "-Dquarkus.oidc.token.issuer=" + TestTokens.ISSUER));
            // more options for the service's JVM, such as a flight recording: -Dbenchmark.service-java-opts="..."
            String extra = System.getProperty("benchmark.service-java-opts", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString()));
            process = ChildProcess.start("session-service", command, Map.of(), jar.getParent(), log);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!ready()) {
                process.requireAlive();
                assertThat(System.nanoTime()).as("session-service ready within 3 minutes").isLessThan(deadline);
                Thread.sleep(250);
            }
        }

        boolean isAlive() {
            return process.isAlive();
        }

        void stop() {
            if (process != null && process.isAlive()) {
                process.stop(Duration.ofSeconds(30));
            }
        }

        String peakResident() {
            try {
                return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                        .filter(line -> line.startsWith("VmHWM")).findFirst()
                        .map(line -> line.replaceAll("\\s+", " ").substring("VmHWM: ".length())).orElse("unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }

        private boolean ready() {
            try {
                URI health = URI.create("http://localhost:" + managementPort + "/q/health/ready");
                return HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static UUID uuid(java.util.SplittableRandom random) {
        return new UUID((random.nextLong() & 0xffffffffffff0fffL) | 0x4000L,
                (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
    }
}
