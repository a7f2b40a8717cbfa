package org.evsettle.sessions.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** What a charge report says about itself: whose it is, which period and filters, when it was made. */
public record ReportHeader(
        UUID operatorId,
        String operatorName,
        ZoneId zone,
        String currency,
        LocalDate from,
        LocalDate to,
        Map<String, String> filters,
        Grouping groupBy,
        OffsetDateTime generatedAt) {

    /** The period-boundary rule, the same invoice-service bills by. */
    public static final String PERIOD_RULE = "A session belongs to the period in which it started, in the "
            + "operator's time zone; a session that runs past the end of the period is counted whole in it.";

    /** The filters in words: {@code siteId=…, status=COMPLETED}. */
    public String filtersText() {
        return filters.isEmpty() ? "none" : String.join(", ", filters.entrySet().stream()
                .map(filter -> filter.getKey() + "=" + filter.getValue()).toList());
    }
}
