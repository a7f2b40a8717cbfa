package org.evsettle.sessions.api;

import jakarta.ws.rs.QueryParam;
import org.evsettle.events.registry.SiteKind;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Filters;
import org.evsettle.sessions.SessionStatus;
import org.evsettle.sessions.report.Grouping;
import org.evsettle.sessions.report.ReportFormat;
import org.evsettle.sessions.report.ReportRequest;

/** What every charge report takes besides whose it is: period, filters, grouping, format and language; a bean parameter. */
public class ReportQuery {

    @QueryParam("from")
    @Parameter(description = "The first day, in the operator's zone", example = "2026-03-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "The last day, inclusive, in the operator's zone", example = "2026-03-31")
    String to;

    @QueryParam("siteId")
    @Parameter(description = "Only sessions at this site", example = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f")
    UUID siteId;

    @QueryParam("chargerId")
    @Parameter(description = "Only sessions at this charger (its registry id)", example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a")
    UUID chargerId;

    @QueryParam("chargePointId")
    @Parameter(description = "Only sessions at this charger (its OCPP identity)", example = "CP-0042")
    String chargePointId;

    @QueryParam("cardId")
    @Parameter(description = "Only sessions with this card", example = "9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b")
    UUID cardId;

    @QueryParam("siteKind")
    @Parameter(description = "Only sessions at HOME sites (an employee's home charger) or at SHARED ones (every other"
            + " site)", example = "HOME")
    SiteKind siteKind;

    @QueryParam("status")
    @Parameter(description = "Sessions in this status instead of COMPLETED, in any case", example = "HELD")
    SessionStatus status;

    @QueryParam("groupBy")
    @Parameter(description = "One line per charger, site, driver, card, userType, day or month instead of one per"
            + " session, in any case", example = "driver")
    String groupBy;

    @QueryParam("format")
    @Parameter(description = "The format, in any case; absent: by the Accept header", example = "csv")
    ReportFormat format;

    @QueryParam("lang")
    @Parameter(description = "The language of the report's words (CSV and XLSX headings, the period's rule): nl,"
            + " fr, en or de; absent: an admin's is the operator's, a driver's their own. JSON keys stay.",
            example = "nl")
    String lang;

    /** The asked language; empty when none is asked, 400 naming the allowed codes for another. */
    Optional<DocumentLanguage> language() {
        if (lang == null || lang.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(DocumentLanguage.of(lang).orElseThrow(() -> DomainException.invalid("lang",
                "must be one of " + Arrays.stream(DocumentLanguage.values()).map(DocumentLanguage::code)
                        .collect(Collectors.joining(", ")))));
    }

    /** The report of this query on one operator's sessions, of one driver and one user type where set. */
    ReportRequest request(UUID operatorId, UUID driverId, String userType) {
        return new ReportRequest(operatorId, Filters.date("from", from), Filters.date("to", to), siteId, chargerId,
                chargePointId, driverId, cardId, userType, siteKind, status, Grouping.asked(groupBy));
    }
}
