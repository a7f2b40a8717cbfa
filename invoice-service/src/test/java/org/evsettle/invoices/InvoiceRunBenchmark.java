package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.evsettle.invoices.documents.DocumentContent;
import org.evsettle.invoices.documents.InvoicePdf;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the benchmark of a billing run and of PDF rendering, run with -Pbenchmark (see the
 * README). It seeds one operator's month with open invoices for N drivers holding S priced sessions
 * straight into the database, times the billing run that issues them (numbers, events in the outbox,
 * chunked transactions), checks the numbering is gap-free, then times rendering PDFs of the issued
 * invoices, loaded from the database as a download would load them.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class InvoiceRunBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BillingRuns runs;

    @Test
    void billingRunAndPdfRendering() throws Exception {
        int drivers = Integer.getInteger("benchmark.drivers", 10_000);
        int sessions = Integer.getInteger("benchmark.sessions", 100_000);
        int pdfs = Integer.getInteger("benchmark.pdfs", 500);
        int threads = Integer.getInteger("benchmark.pdf-threads", Runtime.getRuntime().availableProcessors());
        // INVOICE, or REIMBURSEMENT: employees' home charging on reimbursement statements (no VAT, a monthly cap)
        DocumentKind kind = DocumentKind.valueOf(System.getProperty("benchmark.kind", "INVOICE"));
        UUID operatorId = UUID.randomUUID();
        BillingPeriod period = new BillingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));

        long seedStart = System.nanoTime();
        seed(operatorId, period, drivers, sessions, kind);
        Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);

        long runStart = System.nanoTime();
        BillingRun run = runs.run(operatorId, period, BillingRun.Trigger.REQUEST, Instant.now());
        Duration billing = Duration.ofNanos(System.nanoTime() - runStart);

        int issued = kind == DocumentKind.REIMBURSEMENT ? run.statementsIssued : run.invoicesIssued;
        assertThat(issued).isEqualTo(drivers);
        assertGapFree(operatorId, drivers, kind);

        List<UUID> sample = issuedIds(operatorId, Math.min(pdfs, drivers));
        // a first pass warms the renderer up (class loading, fonts); the second is measured
        render(sample.subList(0, Math.min(20, sample.size())), 1);
        long pdfStart = System.nanoTime();
        long bytes = render(sample, threads);
        Duration rendering = Duration.ofNanos(System.nanoTime() - pdfStart);

        String report = String.format(Locale.ROOT, "BENCHMARK " + kind + " run: %d drivers, %d sessions -> %d documents in %.2f s"
                        + " (%.0f invoices/s, %.0f sessions/s; seeding %.1f s), numbers %s..%s gap-free;"
                        + " PDF: %d rendered in %.2f s on %d threads = %.1f PDFs/s (%.1f kB each)",
                drivers, sessions, issued, seconds(billing), issued / seconds(billing),
                sessions / seconds(billing), seconds(seeding), run.firstNumber, run.lastNumber, sample.size(),
                seconds(rendering), threads, sample.size() / seconds(rendering), bytes / 1024.0 / sample.size());
        Log.info(report);
        System.out.println(report);
    }

    private void seed(UUID operatorId, BillingPeriod period, int drivers, int sessions, DocumentKind kind)
            throws SQLException {
        boolean reimbursed = kind == DocumentKind.REIMBURSEMENT;
        String vat = reimbursed ? "0" : "0.21";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            execute(connection, """
                    INSERT INTO operator (id, revision, legal_name, street, postal_code, city, country_code, vat_number,
                        chamber_of_commerce_number, iban, bic, contact_email, time_zone, currency, billing_interval,
                        grace_days, payment_term_days, invoice_number_prefix, issues_statements, dunning_blocks_cards)
                    VALUES (?::uuid, 0, 'Benchmark Wonen', 'Stationsplein 1', '3511 ED', 'Utrecht', 'NL', 'NL001234567B01',
                        '12345678', 'NL91ABNA0417164300', 'ABNANL2A', 'facturen@bench.example', 'Europe/Amsterdam', 'EUR',
                        'MONTHLY', 5, 14, 'BENCH', false, false)""", operatorId.toString());
            execute(connection, """
                    INSERT INTO driver (id, revision, operator_id, name, email, street, postal_code, city, country_code,
                        user_type, status)
                    SELECT gen_random_uuid(), 0, ?::uuid, 'Driver ' || lpad(g::text, 6, '0'), 'driver' || g || '@example.org',
                        'Kerkstraat ' || g, '3811 CV', 'Amersfoort', 'NL', 'RESIDENT', 'ACTIVE'
                    FROM generate_series(1, ?) g""", operatorId.toString(), drivers);
            execute(connection, """
                    INSERT INTO invoice (id, revision, operator_id, driver_id, status, period_start, period_end, currency,
                        line_count, net_amount, vat_amount, gross_amount, created_at, kind, paid_amount, credited_amount)
                    SELECT gen_random_uuid(), 0, ?::uuid, d.id, 'OPEN', ?::date, ?::date, 'EUR', 0, 0, 0, 0, now(),
                        ?, 0, 0
                    FROM driver d WHERE d.operator_id = ?::uuid""", operatorId.toString(), period.start().toString(),
                    period.end().toString(), kind.name(), operatorId.toString());
            execute(connection, """
                    WITH inv AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM invoice WHERE operator_id = ?::uuid)
                    INSERT INTO invoice_line (id, invoice_id, session_id, charge_point_id, transaction_id, site_name,
                        started_at, stopped_at, energy_wh, description, tariff_version, net_amount, vat_rate, gross_amount,
                        kind, price_revision, credited, monthly_cap)
                    SELECT gen_random_uuid(), inv.id, gen_random_uuid(), 'ZAP-' || lpad((k % 400)::text, 6, '0'), k,
                        'Parking ' || (k % 12),
                        ?::date + (k % 28) * interval '1 day' + (k % 24) * interval '1 hour',
                        ?::date + (k % 28) * interval '1 day' + (k % 24) * interval '1 hour' + interval '95 minutes',
                        5000 + (k % 40000), 'Charging', 1, round((5000 + (k % 40000)) * 0.00035, 2), ?::numeric,
                        round(round((5000 + (k % 40000)) * 0.00035, 2) * (1 + ?::numeric), 2), 'CHARGE', 0, false,
                        CASE WHEN ? THEN 60.00 END
                    FROM generate_series(1, ?) k JOIN inv ON inv.n = ((k - 1) % ?) + 1""",
                    operatorId.toString(), period.start().toString(), period.start().toString(), vat, vat, reimbursed,
                    sessions, drivers);
            execute(connection, """
                    INSERT INTO invoice_line_component (invoice_line_id, position, component, description, quantity, unit,
                        unit_price, amount)
                    SELECT l.id, 0, 'ENERGY', 'Energy', l.energy_wh / 1000.0, 'kWh', 0.35000, l.net_amount
                    FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE i.operator_id = ?::uuid""",
                    operatorId.toString());
            execute(connection, """
                    UPDATE invoice i SET line_count = t.lines, net_amount = t.net,
                        vat_amount = round(t.net * ?::numeric, 2), gross_amount = t.net + round(t.net * ?::numeric, 2)
                    FROM (SELECT l.invoice_id, count(*) AS lines, sum(l.net_amount) AS net FROM invoice_line l
                          JOIN invoice i2 ON i2.id = l.invoice_id WHERE i2.operator_id = ?::uuid GROUP BY l.invoice_id) t
                    WHERE t.invoice_id = i.id""", vat, vat, operatorId.toString());
            execute(connection, """
                    INSERT INTO invoice_vat_subtotal (invoice_id, position, rate, net_amount, vat_amount)
                    SELECT id, 0, ?::numeric, net_amount, vat_amount FROM invoice WHERE operator_id = ?::uuid""",
                    vat, operatorId.toString());
            execute(connection, "ANALYZE invoice");
            execute(connection, "ANALYZE invoice_line");
        }
    }

    private void assertGapFree(UUID operatorId, int expected, DocumentKind kind) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*), count(DISTINCT number),
                            min(CAST(reverse(split_part(reverse(number), '-', 1)) AS bigint)),
                            max(CAST(reverse(split_part(reverse(number), '-', 1)) AS bigint))
                     FROM invoice WHERE operator_id = ?::uuid AND kind = ? AND status = 'ISSUED'""")) {
            query.setString(1, operatorId.toString());
            query.setString(2, kind.name());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertThat(result.getLong(1)).as("issued").isEqualTo(expected);
                assertThat(result.getLong(2)).as("distinct numbers").isEqualTo(expected);
                assertThat(result.getLong(3)).as("first sequence").isEqualTo(1);
                assertThat(result.getLong(4)).as("last sequence").isEqualTo(expected);
            }
        }
    }

    private List<UUID> issuedIds(UUID operatorId, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id FROM invoice WHERE operator_id = ?::uuid AND status = 'ISSUED' ORDER BY number LIMIT ?")) {
            query.setString(1, operatorId.toString());
            query.setInt(2, count);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** Loads and renders each invoice, as a download does; returns the bytes rendered. */
    private static long render(List<UUID> ids, int threads) throws Exception {
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (UUID id : ids) {
                done.add(pool.submit(() -> bytes.addAndGet(QuarkusTransaction.requiringNew().call(() -> {
                    Invoice invoice = Invoice.findById(id);
                    return InvoicePdf.render(new DocumentContent(invoice, ZONE, null)).length;
                }))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return bytes.get();
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
