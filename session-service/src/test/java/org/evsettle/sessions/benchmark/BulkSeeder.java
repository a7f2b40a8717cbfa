package org.evsettle.sessions.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Stores a benchmark's sessions straight into the service's database with COPY (a million rows in a
 * minute or two, where the event path would take hours): one operator with the report month's
 * sessions (January 2026, Amsterdam), the rest spread over 99 other operators and eighteen months;
 * every session completed and priced, with the registry copies the report joins.
 */
final class BulkSeeder {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 1, 31);
    private static final int OTHER_OPERATORS = 99;
    private static final int SITES = 10;
    private static final int CHARGERS = 400;
    private static final int DRIVERS = 2_000;

    /** What was stored: the operator and the period of the report month. */
    record Seeded(UUID reportOperator, LocalDate from, LocalDate to) {
    }

    /** One operator's registry: sites, chargers, drivers and their cards. */
    private record Tenant(UUID operator, UUID[] sites, UUID[] chargers, UUID[] drivers, UUID[] cards) {
    }

    private final Connection db;
    private final SplittableRandom random = new SplittableRandom(20260131);
    private long transactionId;


    BulkSeeder(Connection db) {
        this.db = db;
    }

    Seeded seed(long sessions, int reportSessions) throws SQLException, IOException {
        Tenant target = tenant();
        Tenant[] others = new Tenant[OTHER_OPERATORS];
        for (int i = 0; i < others.length; i++) {
            others[i] = tenant();
        }
        registry(target, "Woonstichting De Linde");
        for (int i = 0; i < others.length; i++) {
            registry(others[i], "Operator " + (i + 2));
        }
        Instant monthStart = FROM.atStartOfDay(ZONE).toInstant();
        long monthSeconds = TO.plusDays(1).atStartOfDay(ZONE).toInstant().getEpochSecond() - monthStart.getEpochSecond();
        Instant spreadStart = LocalDate.of(2025, 1, 1).atStartOfDay(ZONE).toInstant();
        long spreadSeconds = 546L * 24 * 3600;
        try (Writer out = copyIn("charging_session", "id, version, status, charge_point_id, transaction_id, "
                + "connector_id, operator_id, site_id, charger_id, card_id, driver_id, id_tag, user_type, "
                + "authorization_status, started_at, start_received_at, meter_start_wh, stopped_at, stop_received_at, "
                + "meter_stop_wh, energy_wh, stop_reason, known_transaction, connected_seconds, charging_seconds, "
                + "idle_seconds, correction_revision, stop_source")) {
            StringBuilder row = new StringBuilder(512);
            for (long n = 0; n < sessions; n++) {
                boolean inReport = n < reportSessions;
                Tenant tenant = inReport ? target : others[random.nextInt(others.length)];
                Instant start = inReport ? monthStart.plusSeconds(random.nextLong(monthSeconds))
                        : spreadStart.plusSeconds(random.nextLong(spreadSeconds));
                row.setLength(0);
                session(tenant, start, row);
                out.append(row);
            }
        }
        // every session priced as tariff-service would: energy at 0.35 per kWh, 21 % VAT, half-up to cents
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO session_price (session_id, revision, currency, net_amount, vat_rate, vat_amount,
                                               gross_amount, tariff_id, tariff_version, priced_at)
                    SELECT id, 0, 'EUR', net, 0.21, round(net * 0.21, 2), net + round(net * 0.21, 2), operator_id, 1,
                           stopped_at + interval '5 seconds'
                    FROM (SELECT id, operator_id, stopped_at, round(energy_wh / 1000.0 * 0.35, 2) AS net
                          FROM charging_session) priced""");
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        return new Seeded(target.operator(), FROM, TO);
    }

    private Tenant tenant() {
        Tenant tenant = new Tenant(uuid(), new UUID[SITES], new UUID[CHARGERS], new UUID[DRIVERS], new UUID[DRIVERS]);
        for (int i = 0; i < SITES; i++) {
            tenant.sites()[i] = uuid();
        }
        for (int i = 0; i < CHARGERS; i++) {
            tenant.chargers()[i] = uuid();
        }
        for (int i = 0; i < DRIVERS; i++) {
            tenant.drivers()[i] = uuid();
            tenant.cards()[i] = uuid();
        }
        return tenant;
    }

    private void registry(Tenant tenant, String name) throws SQLException, IOException {
        try (Writer out = copyIn("operator", "id, revision, legal_name, time_zone, currency")) {
            out.write(tenant.operator() + ",1," + name + "," + ZONE.getId() + ",EUR\n");
        }
        try (Writer out = copyIn("site", "id, revision, name")) {
            for (int i = 0; i < SITES; i++) {
                out.write(tenant.sites()[i] + ",1,Site " + (i + 1) + "\n");
            }
        }
        try (Writer out = copyIn("driver", "id, revision, operator_id, user_type, name")) {
            for (int i = 0; i < DRIVERS; i++) {
                out.write(tenant.drivers()[i] + ",1," + tenant.operator() + "," + (i % 3 == 0 ? "GUEST" : "RESIDENT")
                        + ",Driver " + (i + 1) + "\n");
            }
        }
        try (Writer out = copyIn("card", "id, revision, label")) {
            for (int i = 0; i < DRIVERS; i++) {
                out.write(tenant.cards()[i] + ",1,Card " + (i + 1) + "\n");
            }
        }
    }

    private void session(Tenant tenant, Instant start, StringBuilder s) {
        SplittableRandom r = random;
        int charger = r.nextInt(CHARGERS);
        int driver = r.nextInt(DRIVERS);
        long minutes = 20 + r.nextInt(600);
        long energyWh = 1_000 + r.nextLong(Math.min(minutes * 150, 60_000));
        long meterStart = r.nextLong(50_000_000);
        long connected = minutes * 60;
        long idle = r.nextLong(connected / 3);
        UUID id = SessionServiceBenchmark.uuid(r);
        Instant stop = start.plusSeconds(connected);
        long tx = ++transactionId;
        s.append(id).append(",1,COMPLETED,BM-").append(charger).append('-').append(tenant.operator().toString(), 0, 8)
                .append(',').append(tx).append(",1,").append(tenant.operator()).append(',')
                .append(tenant.sites()[charger % SITES]).append(',').append(tenant.chargers()[charger]).append(',')
                .append(tenant.cards()[driver]).append(',').append(tenant.drivers()[driver]).append(',')
                .append(idTag(driver)).append(',').append(driver % 3 == 0 ? "GUEST" : "RESIDENT").append(",Accepted,")
                .append(start).append(',').append(start.plusSeconds(1)).append(',').append(meterStart).append(',')
                .append(stop).append(',').append(stop.plusSeconds(1)).append(',').append(meterStart + energyWh)
                .append(',').append(energyWh).append(",EVDisconnected,true,").append(connected).append(',')
                .append(connected - idle).append(',').append(idle).append(",0,CHARGER\n");
    }

    private static String idTag(int driver) {
        return String.format("04%06X%02X", driver, driver % 251);
    }

    private UUID uuid() {
        return SessionServiceBenchmark.uuid(random);
    }

    private Writer copyIn(String table, String columns) throws SQLException {
        PGCopyOutputStream copy = new PGCopyOutputStream(db.unwrap(PGConnection.class),
                "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)", 1 << 16);
        return new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
    }
}
