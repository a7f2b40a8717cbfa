package org.evsettle.users.api;

import static org.evsettle.users.api.ApiText.ADMINS;
import static org.evsettle.users.api.ApiText.OPERATOR_EXAMPLE;
import static org.evsettle.users.api.ApiText.OPERATOR_ID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Operator;
import org.evsettle.users.imports.DriverImport;

/** Bulk onboarding of an operator's drivers and their cards from a CSV file, and its template. */
@Path("/api/operators/{operatorId}/imports/drivers")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Drivers")
public class DriverImportResource {

    static final String CSV = "text/csv";
    private static final String COLUMNS = "Columns (header line, any order): name, email, street, postalCode, city, "
            + "countryCode (required); userType, language (nl, fr, en or de; empty: the operator's), companyName, "
            + "companyVatNumber, companyRegistrationNumber (KvK number in NL, enterprise number in BE), cardIdTag, "
            + "cardLabel, cardValidUntil (yyyy-MM-dd or dd-MM-yyyy). One driver per line, with at most one card. "
            + "Separated by commas, or by "
            + "semicolons as Excel writes them in Dutch and Belgian locales; UTF-8.";

    private final Caller caller;
    private final DriverImport driverImport;

    public DriverImportResource(Caller caller, DriverImport driverImport) {
        this.caller = caller;
        this.driverImport = driverImport;
    }

    @POST
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Import drivers and their cards from CSV, all or nothing",
            description = COLUMNS + " Every row is checked like the API checks a driver and a card, and against "
                    + "the operator's drivers and cards and the other rows. If any row is rejected nothing is "
                    + "imported, and the 422 problem lists every rejection as field line[<line>].<column> "
                    + "(the header is line 1) with its rule. Every driver and card is published on registry.drivers "
                    + "and registry.cards." + ADMINS)
    @RequestBody(description = "The CSV file")
    @APIResponse(responseCode = "200", description = "Every row was imported: the drivers and cards created, by line")
    @APIResponse(responseCode = "400", description = "The file cannot be read: not CSV, an unknown or missing column, no rows")
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    @APIResponse(responseCode = "422", description = "Rows were rejected; nothing was imported")
    public DriverImport.Result importDrivers(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                                             @PathParam("operatorId") UUID operatorId, String csv) {
        return driverImport.run(caller.administeredOperator(operatorId, Operator::byId), csv);
    }

    @GET
    @Path("/template")
    @Produces(CSV)
    @Operation(summary = "The CSV template of a driver import", description = COLUMNS + ADMINS)
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    public Response template(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                             @PathParam("operatorId") UUID operatorId) {
        caller.administeredOperator(operatorId, Operator::byId);
        return Response.ok(DriverImport.template())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"drivers-import-template.csv\"")
                .build();
    }
}
