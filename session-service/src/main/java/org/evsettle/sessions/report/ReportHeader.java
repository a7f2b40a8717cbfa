package org.evsettle.sessions.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * What a charge report says about itself: whose it is, which period and filters, when it was made, and
 * the words it is written in (its reader's language).
 */
public record ReportHeader(
        UUID operatorId,
        String operatorName,
        ZoneId zone,
        String currency,
        LocalDate from,
        LocalDate to,
        Map<String, String> filters,
        Grouping groupBy,
        OffsetDateTime generatedAt,
        ReportMessages messages) {

    /** The period-boundary rule, the same invoice-service bills by, in the report's language. */
    public String periodRule() {
        return messages.get("rule");
    }

    /** The filters as the query names them: {@code siteId=…, status=COMPLETED}; "none" in the report's language. */
    public String filtersText() {
        return filters.isEmpty() ? messages.get("filters.none") : String.join(", ", filters.entrySet().stream()
                .map(filter -> filter.getKey() + "=" + filter.getValue()).toList());
    }
}
