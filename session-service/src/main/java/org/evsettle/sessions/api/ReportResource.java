package org.evsettle.sessions.api;

import io.quarkus.logging.Log;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.sessions.RegisteredOperator;
import org.evsettle.sessions.SessionStatus;
import org.evsettle.sessions.report.ChargeReport;
import org.evsettle.sessions.report.CsvReportWriter;
import org.evsettle.sessions.report.Grouping;
import org.evsettle.sessions.report.JsonReportWriter;
import org.evsettle.sessions.report.ReportHeader;
import org.evsettle.sessions.report.ReportRequest;
import org.evsettle.sessions.report.ReportWriter;
import org.evsettle.sessions.report.XlsxReportWriter;

/**
 * The charge report: an operator's sessions of a period (local dates in the operator's zone; a session
 * belongs to the period in which it started), filtered and grouped, with totals of sessions, energy,
 * time and cost; as JSON, CSV or XLSX (by {@code format}, else by Accept), streamed in constant memory.
 * Admins report on their operator; a driver gets their own report.
 */
@Path("/api")
public class ReportResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    /** The formats, by their name in {@code format} and their media type. */
    enum Format {
        JSON(MediaType.APPLICATION_JSON, "json"),
        CSV(ReportResource.CSV + ";charset=UTF-8", "csv"),
        XLSX(ReportResource.XLSX, "xlsx");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    private final Caller caller;
    private final ChargeReport report;
    private final Clock clock = Clock.systemUTC();

    public ReportResource(Caller caller, ChargeReport report) {
        this.caller = caller;
        this.report = report;
    }

    @GET
    @Path("/reports/sessions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    public Response operatorReport(@QueryParam("operatorId") UUID operatorId, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("siteId") UUID siteId,
                                   @QueryParam("chargerId") UUID chargerId,
                                   @QueryParam("chargePointId") String chargePointId,
                                   @QueryParam("driverId") UUID driverId, @QueryParam("cardId") UUID cardId,
                                   @QueryParam("userType") String userType, @QueryParam("status") String status,
                                   @QueryParam("groupBy") String groupBy, @QueryParam("format") String format,
                                   @Context HttpHeaders headers) {
        UUID operator = caller.operatorScope(operatorId)
                .orElseThrow(() -> DomainException.invalid("operatorId", "is required: a report covers one operator"));
        return respond(operator, from, to, siteId, chargerId, chargePointId, driverId, cardId, userType, status,
                groupBy, format, headers);
    }

    /** The calling driver's own report: the same, confined to their sessions. */
    @GET
    @Path("/me/reports/sessions")
    @RolesAllowed(Roles.DRIVER)
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    public Response driverReport(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("siteId") UUID siteId, @QueryParam("chargerId") UUID chargerId,
                                 @QueryParam("chargePointId") String chargePointId, @QueryParam("cardId") UUID cardId,
                                 @QueryParam("status") String status, @QueryParam("groupBy") String groupBy,
                                 @QueryParam("format") String format, @Context HttpHeaders headers) {
        return respond(caller.requireOperatorId(), from, to, siteId, chargerId, chargePointId,
                caller.requireDriverId(), cardId, null, status, groupBy, format, headers);
    }

    private Response respond(UUID operatorId, String from, String to, UUID siteId, UUID chargerId,
                             String chargePointId, UUID driverId, UUID cardId, String userType, String status,
                             String groupBy, String format, HttpHeaders headers) {
        Optional<RegisteredOperator> operator = RegisteredOperator.of(operatorId);
        ZoneId zone = operator.map(RegisteredOperator::zone).orElse(RegisteredOperator.DEFAULT_ZONE);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate == null) {
            fromDate = (toDate == null ? today : toDate).withDayOfMonth(1);
        }
        if (toDate == null) {
            toDate = fromDate.with(TemporalAdjusters.lastDayOfMonth());
        }
        if (toDate.isBefore(fromDate)) {
            throw DomainException.invalid("to", "must not be before from (" + fromDate + ")");
        }
        ReportRequest request = new ReportRequest(operatorId, fromDate, toDate, siteId, chargerId,
                blankToNull(chargePointId), driverId, cardId, blankToNull(userType), status(status),
                grouping(groupBy));
        ReportHeader header = new ReportHeader(operatorId, operator.map(o -> o.legalName).orElse(operatorId.toString()),
                zone, operator.map(o -> o.currency).orElse(RegisteredOperator.DEFAULT_CURRENCY), fromDate, toDate,
                request.filters(), request.groupBy(),
                OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS));
        Format chosen = format(format, headers);
        StreamingOutput body = out -> {
            ReportWriter writer = switch (chosen) {
                case JSON -> new JsonReportWriter(out);
                case CSV -> new CsvReportWriter(out);
                case XLSX -> new XlsxReportWriter(out);
            };
            try {
                report.write(request, header, writer);
            } catch (UncheckedIOException e) {
                Log.infof("Charge report of operator %s not delivered: %s", operatorId, e.getCause().toString());
                throw e.getCause();
            }
        };
        Response.ResponseBuilder response = Response.ok(body, chosen.mediaType);
        if (chosen != Format.JSON) {
            response.header("Content-Disposition", "attachment; filename=\"charge-report-" + fromDate + "-to-"
                    + toDate + "." + chosen.extension + "\"");
        }
        return response.build();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date as yyyy-MM-dd");
        }
    }

    /** COMPLETED unless asked otherwise: the report shows what is billed. */
    private static SessionStatus status(String status) {
        if (status == null || status.isBlank()) {
            return SessionStatus.COMPLETED;
        }
        try {
            return SessionStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "must be one of ACTIVE, AWAITING_START, COMPLETED, HELD");
        }
    }

    private static Grouping grouping(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return null;
        }
        return Grouping.of(groupBy).orElseThrow(() -> DomainException.invalid("groupBy",
                "must be one of charger, site, driver, card, userType, day, month"));
    }

    /** {@code format} wins; otherwise the first acceptable of JSON, CSV and XLSX in the client's order. */
    private static Format format(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            for (Format candidate : Format.values()) {
                if (candidate.extension.equalsIgnoreCase(format.trim())) {
                    return candidate;
                }
            }
            throw DomainException.invalid("format", "must be one of json, csv, xlsx");
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            String type = accepted.getType() + "/" + accepted.getSubtype();
            if (type.equalsIgnoreCase(CSV)) {
                return Format.CSV;
            }
            if (type.equalsIgnoreCase(XLSX)) {
                return Format.XLSX;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Format.JSON;
            }
        }
        return Format.JSON;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
