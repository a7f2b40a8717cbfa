package org.evsettle.sessions.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.sessions.config.ReportSettings;

/**
 * Reads a charge report from the database and hands it to a {@link ReportWriter} as it reads: the
 * groups (aggregated by PostgreSQL), then the sessions through a cursor of a fixed fetch size, so that a
 * report of any length is written in constant memory. The totals are the sum of the groups; without
 * groups they are aggregated by PostgreSQL for a format that shows them first, or added up as the rows
 * pass for one that shows them last (one read of the period instead of two). All reads share one
 * read-only, repeatable-read transaction: the totals always add up to the rows.
 */
@ApplicationScoped
public class ChargeReport {

    private static final String FROM = """
            FROM charging_session s
            LEFT JOIN site rs ON rs.id = s.site_id
            LEFT JOIN driver rd ON rd.id = s.driver_id
            LEFT JOIN card rc ON rc.id = s.card_id
            LEFT JOIN session_price p ON p.session_id = s.id
            """;
    private static final String FIGURES = """
            count(*), coalesce(sum(s.energy_wh), 0), coalesce(sum(s.connected_seconds), 0),
            coalesce(sum(s.charging_seconds), 0), coalesce(sum(s.idle_seconds), 0),
            coalesce(sum(p.net_amount), 0), coalesce(sum(p.vat_amount), 0), coalesce(sum(p.gross_amount), 0),
            count(*) FILTER (WHERE p.session_id IS NULL)
            """;

    static final String TOTAL_KEY = "total";
    static final String TOTAL_LABEL = "Total";

    private final AgroalDataSource dataSource;
    private final int fetchSize;
    private final String workMem;

    public ChargeReport(AgroalDataSource dataSource, ReportSettings settings) {
        this.dataSource = dataSource;
        this.fetchSize = settings.fetchSize();
        this.workMem = settings.workMem();
    }

    /** SQL with its parameters in order of appearance. */
    private static final class Query {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

        Query add(String text, Object... values) {
            sql.append(text);
            parameters.addAll(List.of(values));
            return this;
        }

        /** Adds SQL in which {@code :zone} stands for the operator's zone. */
        Query zoned(String text, ZoneId zone) {
            String[] parts = text.split(":zone", -1);
            for (int i = 0; i < parts.length; i++) {
                sql.append(parts[i]);
                if (i + 1 < parts.length) {
                    sql.append('?');
                    parameters.add(zone.getId());
                }
            }
            return this;
        }

        PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql.toString());
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof Instant instant) {
                    statement.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        }
    }

    /** Writes the report; the writer's IOExceptions (a client that went away) pass through unchecked. */
    public void write(ReportRequest request, ReportHeader header, ReportWriter writer) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var isolation = connection.createStatement()) {
                isolation.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try {
                workMem(connection);
                boolean grouped = request.groupBy() != null;
                List<ReportFigures> groups = grouped ? groups(connection, request, header.zone()) : List.of();
                ReportFigures totals = !writer.totalsFirst() ? null
                        : grouped ? RunningTotals.of(groups) : totals(connection, request, header.zone());
                writer.begin(header, totals, groups);
                RunningTotals running = new RunningTotals();
                if (writer.wantsRows()) {
                    rows(connection, request, header.zone(), row -> {
                        running.add(row);
                        writer.row(row);
                    });
                }
                writer.end(totals != null ? totals : grouped ? RunningTotals.of(groups) : running.figures());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the charge report: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The month's rows are sorted by start: in memory, not in temporary files (for this transaction only). */
    private void workMem(Connection connection) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('work_mem', ?, true)")) {
            set.setString(1, workMem);
            set.execute();
        }
    }

    /** What is done with each row as it is read. */
    private interface RowSink {
        void accept(ReportRow row) throws IOException;
    }

    private ReportFigures totals(Connection connection, ReportRequest request, ZoneId zone) throws SQLException {
        Query query = new Query().add("SELECT '" + TOTAL_KEY + "', '" + TOTAL_LABEL + "', ").add(FIGURES).add(FROM);
        where(query, request, zone);
        try (PreparedStatement statement = query.prepare(connection); ResultSet result = statement.executeQuery()) {
            result.next();
            return figures(result);
        }
    }

    private List<ReportFigures> groups(Connection connection, ReportRequest request, ZoneId zone) throws SQLException {
        Grouping grouping = request.groupBy();
        Query query = new Query().add("SELECT ").zoned(grouping.key, zone).add(" AS key, max(")
                .zoned(grouping.label, zone).add(") AS label, ").add(FIGURES).add(FROM);
        where(query, request, zone);
        query.add(" GROUP BY 1 ORDER BY " + grouping.orderBy + " NULLS LAST, key NULLS LAST");
        List<ReportFigures> groups = new ArrayList<>();
        try (PreparedStatement statement = query.prepare(connection); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                groups.add(figures(result));
            }
        }
        return groups;
    }

    private void rows(Connection connection, ReportRequest request, ZoneId zone, RowSink writer)
            throws SQLException, IOException {
        Query query = new Query().add("""
                SELECT s.id, s.status, s.started_at, s.stopped_at, s.connected_seconds, s.charging_seconds,
                       s.idle_seconds, s.energy_wh, s.site_id, rs.name, s.charger_id, s.charge_point_id,
                       s.connector_id, s.driver_id, rd.name, s.card_id, rc.label, s.id_tag, s.user_type,
                       p.currency, p.net_amount, p.vat_amount, p.gross_amount
                """).add(FROM);
        where(query, request, zone);
        query.add(" ORDER BY s.started_at, s.id");
        try (PreparedStatement statement = query.prepare(connection)) {
            statement.setFetchSize(fetchSize); // a cursor: rows come in slices, never all at once
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    writer.accept(new ReportRow(r.getObject(1, UUID.class), r.getString(2), instant(r, 3),
                            instant(r, 4), longOrNull(r, 5), longOrNull(r, 6), longOrNull(r, 7), longOrNull(r, 8),
                            r.getObject(9, UUID.class), r.getString(10), r.getObject(11, UUID.class), r.getString(12),
                            (Integer) r.getObject(13), r.getObject(14, UUID.class), r.getString(15),
                            r.getObject(16, UUID.class), r.getString(17), r.getString(18), r.getString(19),
                            r.getString(20), r.getBigDecimal(21), r.getBigDecimal(22), r.getBigDecimal(23)));
                }
            }
        }
    }

    /** The operator, the period by each session's start (from the first local day's start to after the last), the filters. */
    private static void where(Query query, ReportRequest request, ZoneId zone) {
        Instant from = request.from().atStartOfDay(zone).toInstant();
        Instant until = request.to().plusDays(1).atStartOfDay(zone).toInstant();
        query.add(" WHERE s.operator_id = ? AND s.started_at >= ? AND s.started_at < ?", request.operatorId(), from,
                until);
        if (request.status() != null) {
            query.add(" AND s.status = ?", request.status().name());
        }
        if (request.siteId() != null) {
            query.add(" AND s.site_id = ?", request.siteId());
        }
        if (request.chargerId() != null) {
            query.add(" AND s.charger_id = ?", request.chargerId());
        }
        if (request.chargePointId() != null) {
            query.add(" AND s.charge_point_id = ?", request.chargePointId());
        }
        if (request.driverId() != null) {
            query.add(" AND s.driver_id = ?", request.driverId());
        }
        if (request.cardId() != null) {
            query.add(" AND s.card_id = ?", request.cardId());
        }
        if (request.userType() != null) {
            query.add(" AND s.user_type = ?", request.userType());
        }
        if (request.siteKind() != null) {
            query.add((request.siteKind() == SiteKind.HOME ? " AND " : " AND NOT ")
                    + "EXISTS (SELECT 1 FROM site k WHERE k.id = s.site_id AND k.kind = ?)", SiteKind.HOME.name());
        }
    }

    private static ReportFigures figures(ResultSet r) throws SQLException {
        return new ReportFigures(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4), r.getLong(5),
                r.getLong(6), r.getLong(7), money(r.getBigDecimal(8)), money(r.getBigDecimal(9)),
                money(r.getBigDecimal(10)), r.getLong(11));
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp timestamp = r.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Long longOrNull(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }
}
