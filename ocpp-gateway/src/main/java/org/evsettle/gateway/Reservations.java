package org.evsettle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evsettle.events.registry.IdTags;
import org.evsettle.gateway.ocpp.CallOutcome;

/**
 * The reservations chargers accepted, and the rule that honours them when a transaction starts: a
 * connector reserved for a card starts only for that card (or a card of the same parentIdTag) until the
 * reservation expires, is used or is cancelled. OCPP 1.6 leaves the charger to keep its reservations; the
 * gateway keeps them too, so a charger that starts a reserved connector for another card is answered Invalid
 * (the transaction is still recorded: nothing a charger reports is dropped). Blocking JDBC: call it from a worker thread.
 */
@ApplicationScoped
public class Reservations {

    /** The commands whose accepted answers change a reservation. */
    public static final Set<String> COMMANDS = Set.of("ReserveNow", "CancelReservation");

    private static final String HELD = """
            SELECT reservation_id, connector_id, id_tag, parent_id_tag, expires_at, status, transaction_id, requested_by,
                   reserved_at FROM reservation""";

    private final AgroalDataSource dataSource;

    public Reservations(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a starting transaction meets: no reservation, its own (now used), or one held for another card. */
    public enum Claim {
        NONE, HONOURED, HELD_FOR_ANOTHER
    }

    /** A reservation as kept; status EXPIRED when a RESERVED one's expiry has passed at the time asked. */
    public record Reservation(int reservationId, int connectorId, String idTag, String parentIdTag, Instant expiresAt,
                              String status, Integer transactionId, String requestedBy, Instant reservedAt) {

        boolean isFor(String normalizedIdTag, String parentIdTag) {
            return idTag.equals(normalizedIdTag)
                    || (this.parentIdTag != null && parentIdTag != null && this.parentIdTag.equals(parentIdTag));
        }
    }

    /** Keeps what a charger's accepted answer to ReserveNow or CancelReservation decided; other answers change nothing. */
    public void answered(String chargePointId, String action, JsonNode payload, CallOutcome outcome, String requestedBy,
                         Instant at) {
        if (outcome.outcome() != CallOutcome.Kind.ANSWERED
                || !"Accepted".equals(outcome.response().path("status").asText(null))) {
            return;
        }
        if (action.equals("ReserveNow")) {
            reserve(chargePointId, payload, requestedBy, at);
        } else if (action.equals("CancelReservation")) {
            update("UPDATE reservation SET status = 'CANCELLED' WHERE charge_point_id = ? AND reservation_id = ?"
                    + " AND status = 'RESERVED'", chargePointId, payload.path("reservationId").asInt());
        }
    }

    /**
     * What the reservations of this charger make of a StartTransaction on connectorId by idTag at startedAt: the
     * reservation it names (reservationId) or the one on its connector; the card's own is used by transactionId. A
     * StartTransaction retried with the same transactionId meets the reservation it used.
     */
    public Claim claim(String chargePointId, int connectorId, Integer reservationId, String idTag, String parentIdTag,
                       int transactionId, Instant startedAt) {
        String card = IdTags.normalize(idTag);
        List<Reservation> held = query(HELD + " WHERE charge_point_id = ? AND ((status = 'RESERVED' AND expires_at > ?)"
                + " OR (status = 'USED' AND transaction_id = ?)) ORDER BY reserved_at", chargePointId, startedAt,
                transactionId);
        if (held.stream().anyMatch(r -> "USED".equals(r.status()))) {
            return Claim.HONOURED;
        }
        Optional<Reservation> named = held.stream()
                .filter(r -> reservationId != null && r.reservationId() == reservationId).findFirst();
        Optional<Reservation> own = named.or(() -> held.stream()
                .filter(r -> (r.connectorId() == connectorId || r.connectorId() == 0) && r.isFor(card, parentIdTag))
                .findFirst());
        if (own.isPresent() && own.get().isFor(card, parentIdTag)) {
            update("UPDATE reservation SET status = 'USED', transaction_id = ? WHERE charge_point_id = ?"
                    + " AND reservation_id = ?", transactionId, chargePointId, own.get().reservationId());
            return Claim.HONOURED;
        }
        boolean connectorHeld = own.isPresent() || held.stream().anyMatch(r -> r.connectorId() == connectorId);
        return connectorHeld ? Claim.HELD_FOR_ANOTHER : Claim.NONE;
    }

    /** The charger's reservations, newest first, their status as of now. */
    public List<Reservation> of(String chargePointId, Instant now) {
        return query(HELD + " WHERE charge_point_id = ? ORDER BY reserved_at DESC LIMIT 100", chargePointId).stream()
                .map(r -> "RESERVED".equals(r.status()) && !r.expiresAt().isAfter(now)
                        ? new Reservation(r.reservationId(), r.connectorId(), r.idTag(), r.parentIdTag(), r.expiresAt(),
                                "EXPIRED", r.transactionId(), r.requestedBy(), r.reservedAt())
                        : r)
                .toList();
    }

    private void reserve(String chargePointId, JsonNode payload, String requestedBy, Instant at) {
        update("""
                INSERT INTO reservation (charge_point_id, reservation_id, connector_id, id_tag, parent_id_tag, expires_at,
                                         status, requested_by, reserved_at)
                VALUES (?, ?, ?, ?, ?, ?, 'RESERVED', ?, ?)
                ON CONFLICT (charge_point_id, reservation_id) DO UPDATE SET connector_id = EXCLUDED.connector_id,
                    id_tag = EXCLUDED.id_tag, parent_id_tag = EXCLUDED.parent_id_tag, expires_at = EXCLUDED.expires_at,
                    status = 'RESERVED', transaction_id = NULL, requested_by = EXCLUDED.requested_by,
                    reserved_at = EXCLUDED.reserved_at""",
                chargePointId, payload.path("reservationId").asInt(), payload.path("connectorId").asInt(),
                IdTags.normalize(payload.path("idTag").asText()),
                payload.hasNonNull("parentIdTag") ? payload.get("parentIdTag").asText() : null,
                OffsetDateTime.parse(payload.path("expiryDate").asText()).toInstant(), requestedBy, at);
    }

    private void update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, values)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep a reservation", e);
        }
    }

    private List<Reservation> query(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, values);
             ResultSet row = statement.executeQuery()) {
            List<Reservation> found = new ArrayList<>();
            while (row.next()) {
                found.add(new Reservation(row.getInt(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(), row.getString(6), (Integer) row.getObject(7), row.getString(8),
                        row.getTimestamp(9).toInstant()));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read reservations", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : values[i];
            statement.setObject(i + 1, value);
        }
        return statement;
    }
}
