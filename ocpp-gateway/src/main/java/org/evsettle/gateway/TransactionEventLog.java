package org.evsettle.gateway;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The OCPP 2.0.1 TransactionEvents the gateway published, once per (charger, station transactionId,
 * seqNo): written after Kafka acknowledged an event's facts, so that a retry of an event already
 * published is answered without publishing it again, and one that failed is published on its retry.
 * What was received tells the seqNos that never arrived and the last energy register seen (for an
 * Ended event without one). Blocking JDBC: call it from a worker thread.
 */
@ApplicationScoped
public class TransactionEventLog {

    /** One event as received: its seqNo, and its last energy register (Wh) if it had one. */
    public record Received(long seqNo, String eventType, Long energyRegisterWh, Instant occurredAt) {
    }

    /** What arrived of one transaction, in seqNo order. */
    public record History(List<Received> events) {

        public Optional<Long> firstRegisterWh() {
            return events.stream().filter(e -> e.energyRegisterWh() != null).map(Received::energyRegisterWh)
                    .findFirst();
        }

        public Optional<Long> lastRegisterWh() {
            return events.stream().filter(e -> e.energyRegisterWh() != null).map(Received::energyRegisterWh)
                    .reduce((first, second) -> second);
        }

        public Optional<Instant> earliest() {
            return events.stream().map(Received::occurredAt).min(Instant::compareTo);
        }

        /**
         * The seqNos before this one (the Ended's) that did not arrive, counted from the transaction's first.
         * Edition 2 of OCPP 2.0.1 has a station start seqNo at 0 for every transaction; edition 1 let it count
         * on across transactions, so the first is the Started's seqNo when the Started arrived, else 0, unless
         * that would make the gap implausibly long ({@link #LONGEST_GAP}: a counter that never restarts), when
         * the lowest that arrived is the first. At most LONGEST_GAP seqNos are listed.
         */
        public List<Integer> missingUpTo(long seqNo) {
            TreeSet<Long> arrived = new TreeSet<>();
            events.forEach(e -> arrived.add(e.seqNo()));
            arrived.add(seqNo);
            long first = events.stream().filter(e -> STARTED.equals(e.eventType())).mapToLong(Received::seqNo)
                    .findFirst().orElse(arrived.first() <= LONGEST_GAP ? 0 : arrived.first());
            List<Integer> missing = new ArrayList<>();
            for (long expected = first; expected < seqNo && missing.size() < LONGEST_GAP; expected++) {
                if (!arrived.contains(expected)) {
                    missing.add((int) expected);
                }
            }
            return missing;
        }
    }

    /** TransactionEvent's eventType of the first event of a transaction. */
    static final String STARTED = "Started";
    /** The longest run of seqNos taken as lost events of one transaction rather than of earlier ones. */
    static final int LONGEST_GAP = 1000;

    private final AgroalDataSource dataSource;

    public TransactionEventLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this event was published already (a retry whose answer got lost). */
    public boolean contains(String chargePointId, String stationTransactionId, long seqNo) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT 1 FROM station_transaction_event
                     WHERE charge_point_id = ? AND station_transaction_id = ? AND seq_no = ?""")) {
            select.setString(1, chargePointId);
            select.setString(2, stationTransactionId);
            select.setLong(3, seqNo);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up event " + seqNo + " of " + stationTransactionId + ": "
                    + e.getMessage(), e);
        }
    }

    public History history(int transactionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT seq_no, event_type, energy_register_wh, occurred_at FROM station_transaction_event
                     WHERE transaction_id = ? ORDER BY seq_no""")) {
            select.setInt(1, transactionId);
            List<Received> events = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long register = row.getLong(3);
                    Long energyRegisterWh = row.wasNull() ? null : register;
                    events.add(new Received(row.getLong(1), row.getString(2), energyRegisterWh,
                            row.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
            return new History(List.copyOf(events));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the events of transaction " + transactionId + ": "
                    + e.getMessage(), e);
        }
    }

    /** Records a published event; a repeat changes nothing. */
    public void published(String chargePointId, String stationTransactionId, long seqNo, int transactionId,
                          String eventType, String triggerReason, boolean offline, Long energyRegisterWh,
                          Instant occurredAt, Instant receivedAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO station_transaction_event (charge_point_id, station_transaction_id, seq_no,
                         transaction_id, event_type, trigger_reason, offline, energy_register_wh, occurred_at, received_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT DO NOTHING""")) {
            insert.setString(1, chargePointId);
            insert.setString(2, stationTransactionId);
            insert.setLong(3, seqNo);
            insert.setInt(4, transactionId);
            insert.setString(5, eventType);
            insert.setString(6, triggerReason);
            insert.setBoolean(7, offline);
            if (energyRegisterWh != null) {
                insert.setLong(8, energyRegisterWh);
            } else {
                insert.setNull(8, Types.BIGINT);
            }
            insert.setObject(9, occurredAt.atOffset(ZoneOffset.UTC));
            insert.setObject(10, receivedAt.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record event " + seqNo + " of " + stationTransactionId + ": "
                    + e.getMessage(), e);
        }
    }
}
