package org.evsettle.tariffs;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.EventJson;
import org.hibernate.Session;

/**
 * The first prices of sessions a batch makes, written at its end with one JDBC batch (the driver
 * sends it as multi-row INSERTs) rather than through the persistence context: a batch makes hundreds,
 * and persisting and flushing them as entities cost more than pricing them. Until written they are
 * plain objects, so a correction later in the same batch changes the one row that is then written.
 * The lines are written as the entity writes them, in the event JSON form.
 */
final class NewPrices {

    private static final String INSERT = """
            INSERT INTO session_price (session_id, revision, operator_id, driver_id, user_type, charge_point_id,
                transaction_id, site_id, charger_id, card_id, id_tag, started_at, stopped_at, energy_wh, tariff_id,
                tariff_version, currency, lines, net_amount, vat_rate, vat_amount, gross_amount, priced_at, purpose,
                monthly_cap)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""";

    private final List<SessionPrice> prices = new ArrayList<>();

    void add(SessionPrice price) {
        prices.add(price);
    }

    /** Writes them in the caller's transaction. */
    void write(EntityManager entityManager) {
        if (!prices.isEmpty()) {
            entityManager.unwrap(Session.class).doWork(this::write);
            prices.clear();
        }
    }

    private void write(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (SessionPrice price : prices) {
                insert.setObject(1, price.sessionId);
                insert.setInt(2, price.revision);
                insert.setObject(3, price.operatorId);
                uuid(insert, 4, price.driverId);
                insert.setString(5, price.userType);
                insert.setString(6, price.chargePointId);
                insert.setInt(7, price.transactionId);
                uuid(insert, 8, price.siteId);
                uuid(insert, 9, price.chargerId);
                uuid(insert, 10, price.cardId);
                insert.setString(11, price.idTag);
                insert.setObject(12, utc(price.startedAt));
                insert.setObject(13, utc(price.stoppedAt));
                insert.setLong(14, price.energyWh);
                uuid(insert, 15, price.tariffId);
                insert.setInt(16, price.tariffVersion);
                insert.setString(17, price.currency);
                insert.setString(18, json(price));
                insert.setBigDecimal(19, price.netAmount);
                insert.setBigDecimal(20, price.vatRate);
                insert.setBigDecimal(21, price.vatAmount);
                insert.setBigDecimal(22, price.grossAmount);
                insert.setObject(23, utc(price.pricedAt));
                insert.setString(24, price.purpose);
                insert.setBigDecimal(25, price.monthlyCap);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void uuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(SessionPrice price) {
        try {
            return EventJson.mapper().writeValueAsString(price.lines);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the lines of the price of session " + price.sessionId, e);
        }
    }
}
