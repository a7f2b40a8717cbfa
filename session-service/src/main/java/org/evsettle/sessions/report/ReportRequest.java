package org.evsettle.sessions.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.sessions.SessionStatus;

/**
 * What a charge report covers: one operator's sessions that started in a period of local dates (both
 * inclusive, in the operator's zone; null as asked until {@link ReportPlan} settles the period), narrowed
 * by the filters that are set, and how it is grouped. COMPLETED sessions unless another status is asked
 * for: the report shows what is billed.
 */
public record ReportRequest(
        UUID operatorId,
        LocalDate from,
        LocalDate to,
        UUID siteId,
        UUID chargerId,
        String chargePointId,
        UUID driverId,
        UUID cardId,
        String userType,
        SiteKind siteKind,
        SessionStatus status,
        Grouping groupBy) {

    public ReportRequest {
        chargePointId = blankToNull(chargePointId);
        userType = blankToNull(userType);
        status = status == null ? SessionStatus.COMPLETED : status;
    }

    /** The same request over this period. */
    public ReportRequest in(ReportPeriod period) {
        return new ReportRequest(operatorId, period.from(), period.to(), siteId, chargerId, chargePointId, driverId,
                cardId, userType, siteKind, status, groupBy);
    }

    /** The filters that are set, by query parameter name, as the report's header names them. */
    public Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "siteId", siteId);
        put(filters, "chargerId", chargerId);
        put(filters, "chargePointId", chargePointId);
        put(filters, "driverId", driverId);
        put(filters, "cardId", cardId);
        put(filters, "userType", userType);
        put(filters, "siteKind", siteKind);
        put(filters, "status", status);
        return filters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void put(Map<String, String> filters, String name, Object value) {
        if (value != null) {
            filters.put(name, value.toString());
        }
    }
}
