package org.evsettle.sessions.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.evsettle.sessions.SessionStatus;

/**
 * What a charge report covers: one operator's sessions that started in a period of local dates (both
 * inclusive, in the operator's zone), narrowed by the filters that are set, and how it is grouped.
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
        SessionStatus status,
        Grouping groupBy) {

    /** The filters that are set, by query parameter name, as the report's header names them. */
    public Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "siteId", siteId);
        put(filters, "chargerId", chargerId);
        put(filters, "chargePointId", chargePointId);
        put(filters, "driverId", driverId);
        put(filters, "cardId", cardId);
        put(filters, "userType", userType);
        put(filters, "status", status);
        return filters;
    }

    private static void put(Map<String, String> filters, String name, Object value) {
        if (value != null) {
            filters.put(name, value.toString());
        }
    }
}
