package org.evsettle.sessions.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.events.tariffs.PricePurpose;
import org.evsettle.kit.api.Page;
import org.evsettle.sessions.AnomalyRule;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.SessionAnomaly;
import org.evsettle.sessions.SessionPrice;
import org.evsettle.sessions.SessionSource;
import org.evsettle.sessions.Site;
import org.evsettle.sessions.SessionStatus;

/**
 * A session as the API shows it: energyKwh is energyWh in kWh with 3 decimals (12340 Wh is 12.340);
 * connected, charging and idle time in seconds; cost as tariff-service priced it (null until priced);
 * every anomaly found, open or resolved.
 */
@Schema(description = "A charging session: what the charger reported, the snapshot of who charged where taken at"
        + " its start, its durations, cost and anomalies")
public record SessionView(
        @Schema(description = "SessionIds.of(chargePointId, transactionId)", example = "3f1c2a9e-8b7d-3c6e-9a5f-1e2d3c4b5a69")
        UUID sessionId,
        SessionStatus status,
        @Schema(description = "Why it is held, in words; null unless HELD", example = "zero energy (0 Wh)")
        String heldReason,
        String chargePointId,
        int transactionId,
        Integer connectorId,
        UUID operatorId,
        UUID siteId,
        @Schema(description = "HOME (an employee's home charger, reimbursed rather than invoiced) or SHARED, as the"
                + " registry names the site now (SHARED for a site not known here)", example = "SHARED")
        SiteKind siteKind,
        UUID chargerId,
        UUID cardId,
        UUID driverId,
        String idTag,
        String userType,
        Instant startedAt,
        Instant startReceivedAt,
        Instant stoppedAt,
        Instant stopReceivedAt,
        Long meterStartWh,
        Long meterStopWh,
        @Schema(description = "meterStopWh - meterStartWh; null until both are in", example = "12340")
        Long energyWh,
        @Schema(description = "energyWh in kWh with 3 decimals", example = "12.340")
        BigDecimal energyKwh,
        String stopReason,
        ChargingSession.StopSource stopSource,
        Long connectedSeconds,
        Long chargingSeconds,
        Long idleSeconds,
        @Schema(description = "The price as tariff-service announced it; null until priced")
        Cost cost,
        @Schema(description = "How many SessionCorrected were announced for it: the revision of the latest", example = "0")
        int correctionRevision,
        List<AnomalyView> anomalies,
        @Schema(description = "Where the facts came from: OCPP (a charger), ZAPTEC_API or ZAPTEC_FILE (Zaptec's charge"
                + " history)", example = "OCPP")
        SessionSource source,
        @Schema(description = "The session's id at Zaptec for an imported session; null for a charger's",
                example = "0b7e7c55-5c36-4b1a-a3c8-52e6b0c7d9f1")
        String externalId,
        @Schema(description = "An OCPP 2.0.1 station's own transactionId; null for an OCPP 1.6 charger's session",
                example = "6f1e0c1a-3b4d-4e8f-9a2b-7c5d1e0f3a42")
        String stationTransactionId,
        @Schema(description = "The seqNos of the station's TransactionEvents that never reached the platform: the"
                + " meter samples between them are missing (the energy comes from the start and stop registers and"
                + " stands); empty when all arrived", example = "[3, 4]")
        List<Integer> missingEventSeqNos) {

    /** The price of the session: net, VAT and gross in the operator's currency, under a tariff version. */
    public record Cost(String currency, BigDecimal netAmount, BigDecimal vatRate, BigDecimal vatAmount,
                       BigDecimal grossAmount, UUID tariffId, Integer tariffVersion, int revision,
                       @Schema(description = "CHARGE (invoiced to the driver or their employer), REIMBURSEMENT (paid"
                               + " back to the owner of a home charger, priced with their reimbursement rate) or"
                               + " NOT_BILLED (someone else charging at a home charger: nobody pays)",
                               example = "CHARGE")
                       PricePurpose purpose) {

        static Cost of(SessionPrice price) {
            return price == null ? null : new Cost(price.currency, price.netAmount, price.vatRate, price.vatAmount,
                    price.grossAmount, price.tariffId, price.tariffVersion, price.revision, price.purpose);
        }
    }

    /** An anomaly found on the session; resolvedAt, resolvedBy and resolution are null while it is open. */
    public record AnomalyView(AnomalyRule rule, String detail, Instant detectedAt, Instant resolvedAt,
                              String resolvedBy, String resolution) {

        static AnomalyView of(SessionAnomaly anomaly) {
            return new AnomalyView(anomaly.rule, anomaly.detail, anomaly.detectedAt, anomaly.resolvedAt,
                    anomaly.resolvedBy, anomaly.resolution);
        }
    }

    /** The session with its price and anomalies. */
    static SessionView of(ChargingSession session) {
        return of(session, SessionPrice.of(session.id).orElse(null), SessionAnomaly.of(session.id),
                Site.kinds(session.siteId == null ? List.of() : List.of(session.siteId)));
    }

    /** A page of sessions with their prices, anomalies and site kinds, in three more queries whatever its size. */
    static Page<SessionView> page(Page<ChargingSession> sessions) {
        List<UUID> ids = sessions.items().stream().map(session -> session.id).toList();
        Map<UUID, SessionPrice> prices = SessionPrice.ofSessions(ids).stream()
                .collect(Collectors.toMap(price -> price.sessionId, Function.identity()));
        Map<UUID, List<SessionAnomaly>> anomalies = SessionAnomaly.ofSessions(ids).stream()
                .collect(Collectors.groupingBy(anomaly -> anomaly.sessionId));
        Map<UUID, SiteKind> kinds = Site.kinds(sessions.items().stream().map(session -> session.siteId)
                .filter(Objects::nonNull).distinct().toList());
        return sessions.map(session -> of(session, prices.get(session.id),
                anomalies.getOrDefault(session.id, List.of()), kinds));
    }

    private static SessionView of(ChargingSession s, SessionPrice price, List<SessionAnomaly> anomalies,
                                  Map<UUID, SiteKind> kinds) {
        return new SessionView(s.id, s.status, s.heldReason, s.chargePointId, s.transactionId, s.connectorId,
                s.operatorId, s.siteId, Site.kindOf(kinds, s.siteId), s.chargerId, s.cardId, s.driverId, s.idTag, s.userType, s.startedAt,
                s.startReceivedAt, s.stoppedAt, s.stopReceivedAt, s.meterStartWh, s.meterStopWh, s.energyWh,
                s.energyWh == null ? null : BigDecimal.valueOf(s.energyWh, 3), s.stopReason, s.stopSource,
                s.connectedSeconds, s.chargingSeconds, s.idleSeconds, Cost.of(price), s.correctionRevision,
                anomalies.stream().sorted((a, b) -> a.rule.compareTo(b.rule)).map(AnomalyView::of).toList(),
                s.source, s.externalId, s.stationTransactionId,
                s.missingSeqNos == null ? List.of() : List.of(s.missingSeqNos));
    }
}
