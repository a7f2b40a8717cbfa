package org.evsettle.sessions.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.sessions.Operator;

/**
 * A charge report ready to be read: the request with its period settled in the operator's calendar, and
 * the header that names the operator (as the registry told about it; by its id, in the default zone and
 * currency, while it has not), the period, the filters and the moment it was made.
 */
public record ReportPlan(ReportRequest request, ReportHeader header) {

    /** The plan of the asked report, written in this language. */
    public static ReportPlan of(ReportRequest asked, DocumentLanguage language, Clock clock) {
        Optional<Operator> operator = Operator.known(asked.operatorId());
        ZoneId zone = operator.map(Operator::zone).orElse(OperatorZone.DEFAULT);
        ReportPeriod period = ReportPeriod.of(asked.from(), asked.to(), OperatorZone.today(zone, clock));
        ReportRequest request = asked.in(period);
        ReportHeader header = new ReportHeader(request.operatorId(),
                operator.map(known -> known.legalName).orElse(request.operatorId().toString()), zone,
                operator.map(known -> known.currency).orElse(OperatorRecord.DEFAULT_CURRENCY), period.from(),
                period.to(), request.filters(), request.groupBy(),
                OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS), ReportMessages.in(language));
        return new ReportPlan(request, header);
    }
}
