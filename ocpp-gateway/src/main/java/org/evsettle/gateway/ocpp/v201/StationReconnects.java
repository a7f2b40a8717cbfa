package org.evsettle.gateway.ocpp.v201;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.CallSender;
import org.evsettle.gateway.ocpp.OcppJson;

/**
 * When a 2.0.1 station connects again (or boots) while the gateway holds open transactions of it, asks
 * GetTransactionStatus for each: a station that answers messagesInQueue true still has events of it to
 * deliver (an Ended queued offline among them), so the transaction stays open and the question is asked
 * again after an interval, a bounded number of times. Whatever the answers, nothing is closed or dropped
 * here: only a TransactionEvent ends a transaction. Outcomes are logged and counted in
 * {@code ocpp_transaction_status_checks_total{outcome}}.
 */
@ApplicationScoped
public class StationReconnects {

    /** Lets the station's BootNotification (which it sends first after a reboot) go first. */
    static final Duration FIRST_ASK = Duration.ofSeconds(5);
    static final Duration ASK_AGAIN = Duration.ofSeconds(15);
    /** About five minutes of asking: long enough for a queue to drain, bounded for a station that never says. */
    static final int MOST_ASKS = 20;

    private final AgroalDataSource dataSource;
    private final CallSender sender;
    private final Clock clock;
    private final Duration timeout;
    private final MeterRegistry meters;
    /** Per station, which of its connections the check under way belongs to: a newer connection's check replaces it. */
    private final Map<String, Long> connections = new ConcurrentHashMap<>();
    private final AtomicLong connectionCount = new AtomicLong();

    public StationReconnects(AgroalDataSource dataSource, CallSender sender, Clock clock, GatewaySettings settings,
                             MeterRegistry meters) {
        this.dataSource = dataSource;
        this.sender = sender;
        this.clock = clock;
        this.timeout = settings.commandTimeout();
        this.meters = meters;
    }

    /** What an answer to GetTransactionStatus means for a transaction still open at the gateway. */
    public enum Status {
        /** The station still queues messages: ask again later. */
        QUEUED,
        /** Nothing queued, the transaction goes on at the station. */
        ONGOING,
        /** Nothing queued and the station says the transaction is over, yet no Ended arrived: kept open, logged. */
        ENDED_WITHOUT_EVENT,
        /** Nothing queued, the station did not say whether it goes on. */
        SETTLED,
        /** No usable answer (CALLERROR, timeout, disconnect): ask again later. */
        NO_ANSWER;

        /** Whether to ask again (within the bound). */
        public boolean askAgain() {
            return this == QUEUED || this == NO_ANSWER;
        }
    }

    /** The meaning of one answer. */
    public static Status statusOf(CallOutcome answer) {
        if (answer.outcome() != CallOutcome.Kind.ANSWERED || answer.response() == null) {
            return Status.NO_ANSWER;
        }
        if (answer.response().path("messagesInQueue").asBoolean(false)) {
            return Status.QUEUED;
        }
        if (!answer.response().has("ongoingIndicator")) {
            return Status.SETTLED;
        }
        return answer.response().get("ongoingIndicator").asBoolean() ? Status.ONGOING : Status.ENDED_WITHOUT_EVENT;
    }

    /**
     * The station connected (called on its connection's opening). Returns at once; the questions go out in the
     * background, after a pause that lets its BootNotification go first. A check of an earlier connection that is
     * still under way stops: this one asks about what is open then.
     */
    public void connected(String chargePointId) {
        long connection = connectionCount.incrementAndGet();
        connections.put(chargePointId, connection);
        Uni.createFrom().voidItem().onItem().delayIt().by(FIRST_ASK)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> current(chargePointId, connection) ? open(chargePointId) : Map.<Integer, String>of())
                .chain(open -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Map.Entry<Integer, String> transaction : open.entrySet()) {
                        all = all.chain(() -> check(chargePointId, connection, transaction.getKey(),
                                transaction.getValue(), 1));
                    }
                    return all;
                })
                .onTermination().invoke(() -> connections.remove(chargePointId, connection))
                .subscribe().with(done -> { }, failure -> Log.warnf("Could not check the open transactions of %s: %s",
                        chargePointId, failure.toString()));
    }

    private boolean current(String chargePointId, long connection) {
        return Long.valueOf(connection).equals(connections.get(chargePointId));
    }

    private Uni<Void> check(String chargePointId, long connection, int transactionId, String stationTransactionId,
                            int ask) {
        if (!current(chargePointId, connection)) {
            return Uni.createFrom().voidItem(); // the station connected again: that connection's check asks
        }
        return Uni.createFrom().item(() -> stillOpen(transactionId))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(open -> {
                    if (!open) {
                        counted("ended");
                        Log.debugf("%s: transaction %s (%d) ended while asked about", chargePointId,
                                stationTransactionId, transactionId);
                        return Uni.createFrom().voidItem();
                    }
                    return sender.send(chargePointId, UUID.randomUUID().toString(), "GetTransactionStatus",
                                    OcppJson.mapper().createObjectNode().put("transactionId", stationTransactionId),
                                    clock.instant().plus(timeout))
                            .chain(answer -> {
                                Status status = statusOf(answer);
                                if (status.askAgain() && ask < MOST_ASKS && answer.outcome() != CallOutcome.Kind.NOT_CONNECTED) {
                                    Log.debugf("%s: transaction %s (%d) %s, asking again in %s", chargePointId,
                                            stationTransactionId, transactionId, status, ASK_AGAIN);
                                    return Uni.createFrom().voidItem().onItem().delayIt().by(ASK_AGAIN)
                                            .chain(() -> check(chargePointId, connection, transactionId,
                                                    stationTransactionId, ask + 1));
                                }
                                settled(chargePointId, transactionId, stationTransactionId, status, ask);
                                return Uni.createFrom().voidItem();
                            });
                });
    }

    private void settled(String chargePointId, int transactionId, String stationTransactionId, Status status, int asks) {
        counted(status.askAgain() ? "gave-up" : status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        switch (status) {
            case ONGOING, SETTLED -> Log.debugf("%s: transaction %s (%d) %s, nothing queued", chargePointId,
                    stationTransactionId, transactionId, status);
            // the gateway never closes it itself: an Ended may still come, and billing waits for it
            case ENDED_WITHOUT_EVENT -> Log.warnf("%s: transaction %s (%d) is over at the station with nothing queued,"
                    + " but no Ended event arrived; kept open", chargePointId, stationTransactionId, transactionId);
            default -> Log.warnf("%s: transaction %s (%d) still %s after %d GetTransactionStatus; kept open",
                    chargePointId, stationTransactionId, transactionId, status, asks);
        }
    }

    private void counted(String outcome) {
        meters.counter("ocpp.transaction.status.checks", "outcome", outcome).increment();
    }

    /** The station's open transactions the gateway knows: its int transactionId and the station's own id. */
    Map<Integer, String> open(String chargePointId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT transaction_id, station_transaction_id FROM issued_transaction
                     WHERE charge_point_id = ? AND station_transaction_id IS NOT NULL AND stopped_at IS NULL
                     ORDER BY transaction_id""")) {
            select.setString(1, chargePointId);
            Map<Integer, String> open = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    open.put(row.getInt(1), row.getString(2));
                }
            }
            return open;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the open transactions of " + chargePointId + ": "
                    + e.getMessage(), e);
        }
    }

    private boolean stillOpen(int transactionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT stopped_at IS NULL FROM issued_transaction WHERE transaction_id = ?")) {
            select.setInt(1, transactionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read transaction " + transactionId + ": " + e.getMessage(), e);
        }
    }
}
