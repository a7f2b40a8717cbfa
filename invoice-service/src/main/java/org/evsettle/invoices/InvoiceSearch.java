package org.evsettle.invoices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which documents a list holds: each filter, when set, narrows it. period is a calendar date in the
 * operator's time zone, as the periods themselves are: the documents whose period holds that day.
 */
public record InvoiceSearch(UUID operatorId, UUID driverId, InvoiceStatus status, DocumentKind kind, LocalDate period) {

    /** The condition on Invoice, in JPQL with named parameters ("" when nothing narrows the list). */
    public String where() {
        List<String> where = new ArrayList<>();
        if (operatorId != null) {
            where.add("operatorId = :operatorId");
        }
        if (driverId != null) {
            where.add("driverId = :driverId");
        }
        if (status != null) {
            where.add("status = :status");
        }
        if (kind != null) {
            where.add("kind = :kind");
        }
        if (period != null) {
            where.add("periodStart <= :day and periodEnd >= :day");
        }
        return String.join(" and ", where);
    }

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        if (operatorId != null) {
            parameters.put("operatorId", operatorId);
        }
        if (driverId != null) {
            parameters.put("driverId", driverId);
        }
        if (status != null) {
            parameters.put("status", status);
        }
        if (kind != null) {
            parameters.put("kind", kind);
        }
        if (period != null) {
            parameters.put("day", period);
        }
        return parameters;
    }
}
