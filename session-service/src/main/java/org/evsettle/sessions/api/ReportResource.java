package org.evsettle.sessions.api;

import io.quarkus.logging.Log;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.sessions.Driver;
import org.evsettle.sessions.Operator;
import org.evsettle.sessions.report.ChargeReport;
import org.evsettle.sessions.report.ReportFormat;
import org.evsettle.sessions.report.ReportPlan;
import org.evsettle.sessions.report.ReportRequest;

/**
 * The charge report: an operator's sessions of a period (local dates in the operator's zone; a session
 * belongs to the period in which it started), filtered and grouped, with totals of sessions, energy,
 * time and cost; as JSON, CSV or XLSX (by {@code format}, else by Accept), streamed in constant memory.
 * Admins report on their operator; a driver gets their own report.
 */
@Path("/api")
@Tag(name = "Charge report", description = "An operator's or a driver's sessions of a period, with totals")
public class ReportResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    private static final String REPORT = " A session belongs to the period in which it started, in the operator's time"
            + " zone; from and to are calendar dates there, both inclusive (neither: the current month; one alone:"
            + " its month). COMPLETED sessions unless status asks for another. The format is format's, else the"
            + " first of JSON, CSV and XLSX the Accept header takes; CSV and XLSX come as a download. Streamed:"
            + " any length in constant memory. Headings and header lines are in lang's language, else the reader's"
            + " (400 for a code other than nl, fr, en, de); JSON keys are the same in every language.";

    private final Caller caller;
    private final ChargeReport report;
    private final Clock clock;

    public ReportResource(Caller caller, ChargeReport report, Clock clock) {
        this.caller = caller;
        this.report = report;
        this.clock = clock;
    }

    @GET
    @Path("/reports/sessions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    @Operation(summary = "Report an operator's sessions",
            description = "An operator admin reports on their own operator (operatorId may be left out); a platform"
                    + " admin names the operator. operatorId of another operator, or driverId of another operator's"
                    + " driver, answers 404." + REPORT)
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = CSV), @Content(mediaType = XLSX)})
    @APIResponse(responseCode = "404", description = "The operator or driver is not the caller's to report on")
    public Response operatorReport(
            @Parameter(description = "The operator; required of a platform admin",
                    example = "8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f") @QueryParam("operatorId") UUID operatorId,
            @Parameter(description = "Only this driver's sessions", example = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e")
            @QueryParam("driverId") UUID driverId,
            @Parameter(description = "Only sessions of drivers of this user type (as the session's snapshot took it)",
                    example = "RESIDENT") @QueryParam("userType") String userType,
            @BeanParam ReportQuery query, @Context HttpHeaders headers) {
        Caller.ListScope scope = caller.listScope(operatorId, driverId, Driver::operatorOf);
        UUID operator = Optional.ofNullable(scope.operatorId())
                .orElseThrow(() -> DomainException.invalid("operatorId", "is required: a report covers one operator"));
        DocumentLanguage language = query.language().orElseGet(() -> Operator.known(operator)
                .map(Operator::documentLanguage).orElse(DocumentLanguage.EN));
        return respond(query.request(operator, scope.driverId(), userType), language, query.format, headers);
    }

    @GET
    @Path("/me/reports/sessions")
    @RolesAllowed(Roles.DRIVER)
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    @Operation(summary = "Report my sessions",
            description = "The calling driver's own sessions, as their operator's report would show them." + REPORT)
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = CSV), @Content(mediaType = XLSX)})
    public Response driverReport(@BeanParam ReportQuery query, @Context HttpHeaders headers) {
        UUID operator = caller.requireOperatorId();
        UUID driver = caller.requireDriverId();
        DocumentLanguage language = query.language().orElseGet(() -> {
            Optional<Operator> known = Operator.known(operator);
            return DocumentLanguage.resolve(Driver.<Driver>findByIdOptional(driver).map(d -> d.language).orElse(null),
                    known.map(o -> o.language).orElse(null), known.map(o -> o.countryCode).orElse(null));
        });
        return respond(query.request(operator, driver, null), language, query.format, headers);
    }

    private Response respond(ReportRequest asked, DocumentLanguage language, ReportFormat format, HttpHeaders headers) {
        ReportPlan plan = ReportPlan.of(asked, language, clock);
        ReportFormat chosen = format != null ? format : accepted(headers.getAcceptableMediaTypes());
        StreamingOutput body = out -> {
            try {
                report.write(plan.request(), plan.header(), chosen.writer(out));
            } catch (UncheckedIOException e) {
                Log.infof("Charge report of operator %s not delivered: %s", asked.operatorId(), e.getCause().toString());
                throw e.getCause();
            }
        };
        Response.ResponseBuilder response = Response.ok(body, chosen.mediaType);
        if (chosen != ReportFormat.JSON) {
            response.header("Content-Disposition", "attachment; filename=\"charge-report-" + plan.request().from()
                    + "-to-" + plan.request().to() + "." + chosen.extension + "\"");
        }
        return response.build();
    }

    /** The first of JSON, CSV and XLSX the client accepts, in the client's order; JSON when it names none of them. */
    private static ReportFormat accepted(List<MediaType> accepted) {
        for (MediaType type : accepted) {
            String name = type.getType() + "/" + type.getSubtype();
            if (name.equalsIgnoreCase(CSV)) {
                return ReportFormat.CSV;
            }
            if (name.equalsIgnoreCase(XLSX)) {
                return ReportFormat.XLSX;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return ReportFormat.JSON;
            }
        }
        return ReportFormat.JSON;
    }
}
