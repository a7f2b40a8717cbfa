package org.evsettle.sessions.api;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.SessionSource;
import org.evsettle.sessions.SessionStatus;
import org.evsettle.sessions.zaptec.ZaptecFiles;
import org.evsettle.sessions.zaptec.ZaptecImport;
import org.evsettle.sessions.zaptec.ZaptecInstallation;
import org.evsettle.sessions.zaptec.ZaptecMapping;
import org.evsettle.sessions.zaptec.ZaptecMappings;
import org.evsettle.sessions.zaptec.ZaptecPull;
import org.evsettle.sessions.zaptec.ZaptecSessionFacts;

/**
 * Zaptec's charge history, imported (docs/zaptec.md): an operator's admins store an installation's API
 * credentials, import on demand (the schedule does it too), upload a file of sessions, review the sessions that
 * wait for a driver or charger, and map Zaptec's users, tokens and chargers once. Someone else's operator answers 404.
 */
@Path("/api")
@Tag(name = "Zaptec import", description = "Zaptec's charge history imported as charging sessions")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class ZaptecResource {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String XLS = "application/vnd.ms-excel";
    private static final String OPERATOR_ID = "The operator's id";
    private static final String OPERATOR_EXAMPLE = "8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f";
    private static final String INSTALLATION_ID = "Zaptec's installation id";
    private static final String INSTALLATION_EXAMPLE = "b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String ADMINS = " Admins of the operator only; another operator answers 404.";
    private static final String COLUMNS = " CSV columns (header line, any order, Zaptec's names in any case): Id,"
            + " StartDateTime, EndDateTime, Energy (kWh) required; ChargerId, DeviceId, DeviceName (at least one),"
            + " UserId, UserEmail, UserFullName, TokenName, EnergyDetails (<Timestamp>=<kWh> separated by |). Times"
            + " ISO-8601 (without an offset: UTC). Separated by commas, or semicolons as Dutch Excel writes them.";

    private static final String JSON_EXAMPLE = "{\"Pages\": 1, \"Data\": [{\"Id\":"
            + " \"0b7e7c55-5c36-4b1a-a3c8-52e6b0c7d9f1\", \"DeviceId\": \"ZCS000143\", \"StartDateTime\":"
            + " \"2026-01-05T18:04:11\", \"EndDateTime\": \"2026-01-05T20:10:00\", \"Energy\": 12.345,"
            + " \"UserEmail\": \"resident@example.org\", \"EnergyDetails\": [{\"Timestamp\": \"2026-01-05T18:00:00\","
            + " \"Energy\": 4.1}, {\"Timestamp\": \"2026-01-05T19:00:00\", \"Energy\": 8.245}]}]}";
    private static final String CSV_EXAMPLE = "Id,DeviceId,StartDateTime,EndDateTime,Energy,UserEmail\r\n"
            + "0b7e7c55-5c36-4b1a-a3c8-52e6b0c7d9f1,ZCS000143,2026-01-05T18:04:11Z,2026-01-05T20:10:00Z,12.345,"
            + "resident@example.org\r\n";

    private final Caller caller;
    private final ZaptecPull pull;
    private final ZaptecImport imports;
    private final ZaptecFiles files;
    private final ZaptecMappings mappings;

    public ZaptecResource(Caller caller, ZaptecPull pull, ZaptecImport imports, ZaptecFiles files,
                          ZaptecMappings mappings) {
        this.caller = caller;
        this.pull = pull;
        this.imports = imports;
        this.files = files;
        this.mappings = mappings;
    }

    @GET
    @Path("/operators/{operatorId}/zaptec/installations")
    @Operation(summary = "List the operator's Zaptec installations",
            description = "Each with whether its credentials are set, the username masked, the interval, how far it"
                    + " was imported and the last run's outcome; never the credentials." + ADMINS)
    @APIResponse(responseCode = "404", description = "Not the caller's operator")
    @Transactional
    public List<ZaptecViews.Installation> installations(
            @Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE) @PathParam("operatorId") UUID operatorId) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return ZaptecInstallation.ofOperator(operatorId).stream().map(ZaptecViews.Installation::of).toList();
    }

    @PUT
    @Path("/operators/{operatorId}/zaptec/installations/{installationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a Zaptec installation's API credentials",
            description = "The Zaptec user and password the platform signs in with (OAuth2 password grant) to read"
                    + " the installation's charge history, and how often. Stored encrypted (AES-GCM), never answered"
                    + " back and never logged; storing again replaces them." + ADMINS)
    @APIResponse(responseCode = "404", description = "Not the caller's operator")
    public ZaptecViews.Installation storeCredentials(
            @Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE) @PathParam("operatorId") UUID operatorId,
            @Parameter(description = INSTALLATION_ID, example = INSTALLATION_EXAMPLE)
            @PathParam("installationId") @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String installationId,
            @Valid @NotNull ZaptecForms.Credentials form) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return ZaptecViews.Installation.of(pull.store(operatorId, installationId, form.username().trim(),
                form.password(), form.every()));
    }

    @POST
    @Path("/operators/{operatorId}/zaptec/installations/{installationId}/imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an installation's charge history now",
            description = "Signs in to Zaptec, reads the completed sessions of the period page by page and imports"
                    + " them: new sessions are judged and announced (or held for review), unchanged ones change"
                    + " nothing, changed ones are restated (a billed one with SessionCorrected)." + ADMINS)
    @RequestBody(description = "The period; may be left out")
    @APIResponse(responseCode = "404", description = "Not the caller's operator, or no such installation")
    @APIResponse(responseCode = "422", description = "Zaptec refused the stored credentials")
    @APIResponse(responseCode = "502", description = "Zaptec's API failed or answered what cannot be read; nothing"
            + " was imported")
    @APIResponse(responseCode = "503", description = "Zaptec's rate limit held after the retries; nothing was imported")
    public ZaptecViews.Import importNow(
            @Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE) @PathParam("operatorId") UUID operatorId,
            @Parameter(description = INSTALLATION_ID, example = INSTALLATION_EXAMPLE)
            @PathParam("installationId") String installationId, @Valid ZaptecForms.ImportPeriod period) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        ZaptecForms.ImportPeriod asked = period == null ? new ZaptecForms.ImportPeriod(null, null) : period;
        return ZaptecViews.Import.of(pull.run(new ZaptecPull.Request(operatorId, installationId, asked.from(),
                asked.to())));
    }

    @POST
    @Path("/operators/{operatorId}/zaptec/imports")
    @Consumes({MediaType.APPLICATION_JSON, CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, XLSX, XLS})
    @Transactional
    @Operation(summary = "Upload a Zaptec charge history, all or nothing",
            description = "The charge history's JSON ({Pages, Data[]} as the API answers, or a bare array), or a CSV"
                    + " or an XLSX (its first sheet; date cells read as UTC) in the template's layout." + COLUMNS + " Every session is checked; if any is rejected nothing"
                    + " is imported, and the 422 problem lists every rejection as line[<n>].<Field> (CSV: the line of"
                    + " the file or the sheet's row, the header is line 1; JSON: the session's place in Data, from 1). Zaptec's Portal"
                    + " charge report (UsageReport_*.xls) holds totals, not sessions, and is refused with what to do"
                    + " instead." + ADMINS)
    @RequestBody(description = "The file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, example = JSON_EXAMPLE),
            @Content(mediaType = CSV, example = CSV_EXAMPLE),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM)})
    @APIResponse(responseCode = "404", description = "Not the caller's operator")
    @APIResponse(responseCode = "422", description = "Sessions were rejected (nothing was imported), or the file is"
            + " the Portal's charge report")
    public ZaptecViews.Import upload(
            @Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE) @PathParam("operatorId") UUID operatorId,
            @Parameter(description = "The file's name, as uploaded (recognizes the Portal's UsageReport_*)",
                    example = "chargehistory-2026-01.csv") @QueryParam("fileName") String fileName,
            @Parameter(description = "The file's media type") @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return ZaptecViews.Import.of(imports.store(operatorId, SessionSource.ZAPTEC_FILE, null,
                files.read(body, contentType, fileName)));
    }

    @GET
    @Path("/zaptec/imports/template.csv")
    @Produces(CSV)
    @Operation(summary = "The CSV template of a Zaptec sessions upload",
            description = "The header line and one example session." + COLUMNS)
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Response template() {
        return Response.ok(ZaptecFiles.template())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zaptec-sessions-template.csv\"")
                .build();
    }

    @GET
    @Path("/operators/{operatorId}/zaptec/review")
    @Transactional
    @Operation(summary = "List the imported sessions waiting for review",
            description = "Held imported sessions, newest first by their start, with why (no driver matched, a"
                    + " charger not registered, another anomaly) and Zaptec's words for who and where, to map them."
                    + " Never billed until mapped, corrected or released." + ADMINS)
    @APIResponse(responseCode = "404", description = "Not the caller's operator")
    public List<ZaptecViews.Review> review(
            @Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE) @PathParam("operatorId") UUID operatorId,
            @Parameter(description = "At most this many (1 to 500)", example = "100")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        List<ChargingSession> held = ChargingSession.<ChargingSession>find("operatorId = ?1 and status = ?2"
                        + " and externalId is not null", Sort.by("startedAt", Sort.Direction.Descending).and("id"),
                operatorId, SessionStatus.HELD).page(Page.ofSize(limit)).list();
        Map<UUID, ZaptecSessionFacts> facts = ZaptecSessionFacts.ofSessions(held.stream().map(s -> s.id).toList());
        return held.stream().filter(session -> facts.containsKey(session.id))
                .map(session -> ZaptecViews.Review.of(session, facts.get(session.id))).toList();
    }

    @GET
    @Path("/operators/{operatorId}/zaptec/mappings")
    @Transactional
    @Operation(summary = "List the operator's Zaptec mappings", description = "By kind and key." + ADMINS)
    @APIResponse(responseCode = "404", description = "Not the caller's operator")
    public List<ZaptecViews.Mapping> mappings(
            @Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE) @PathParam("operatorId") UUID operatorId) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return ZaptecMapping.ofOperator(operatorId).stream().map(ZaptecViews.Mapping::of).toList();
    }

    @PUT
    @Path("/operators/{operatorId}/zaptec/mappings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Map a Zaptec user, token or charger",
            description = "USER (a Zaptec UserId) or TOKEN (a TokenName, in the normal form of idTags) to a driver or a"
                    + " card; CHARGER (a ChargerId, DeviceId or DeviceName) to a registered charger. The mapping wins"
                    + " over every other match from then on, and the sessions of that user, token or charger waiting"
                    + " in review are matched again: those nothing else holds complete and are billed." + ADMINS)
    @APIResponse(responseCode = "404", description = "Not the caller's operator")
    public ZaptecViews.MappingSet map(
            @Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE) @PathParam("operatorId") UUID operatorId,
            @Valid @NotNull ZaptecForms.Mapping form) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return ZaptecViews.MappingSet.of(mappings.set(operatorId, form.kind(), form.zaptecKey().trim(),
                form.driverId(), form.cardId(), form.chargePointId() == null ? null : form.chargePointId().trim(),
                caller.name()));
    }
}
