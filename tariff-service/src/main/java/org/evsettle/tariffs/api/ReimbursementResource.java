package org.evsettle.tariffs.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.events.tariffs.PricePurpose;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.tariffs.EnergyContracts;
import org.evsettle.tariffs.ReimbursementRates;
import org.evsettle.tariffs.Tariff;
import org.evsettle.tariffs.api.ReimbursementForms.RateForm;
import org.evsettle.tariffs.api.ReimbursementForms.VersionForm;
import org.evsettle.tariffs.api.ReimbursementViews.MyRateView;
import org.evsettle.tariffs.api.ReimbursementViews.RateView;

/**
 * Reimbursement rates for home charging: set and versioned by the admins of their operator, read by the employee
 * they reimburse. The rules are {@link ReimbursementRates}'; this resource parses, scopes and maps.
 */
@Path("/api")
@Tag(name = "Reimbursement rates", description = "What an operator pays its employees back for charging at home")
public class ReimbursementResource {

    private static final String OPERATOR = "The operator's id, as in the registry";
    private static final String OPERATOR_EXAMPLE = "8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f";
    private static final String RATE = "The reimbursement rate's id";
    private static final String RATE_EXAMPLE = "2d4e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f";

    private final Caller caller;
    private final ReimbursementRates rates;
    private final EnergyContracts contracts;

    public ReimbursementResource(Caller caller, ReimbursementRates rates, EnergyContracts contracts) {
        this.caller = caller;
        this.rates = rates;
        this.contracts = contracts;
    }

    @POST
    @Path("/operators/{operatorId}/reimbursement-rates")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Set a reimbursement rate",
            description = "For one employee (driverId) or for a user type (userType), with its first version:"
                    + " FIXED at pricePerKwh, or CONTRACT at the prices of the employee's energy contract in force,"
                    + " each at most capPerKwh; monthlyCap caps the employee's reimbursement per calendar month;"
                    + " vatRate 0 unless the company bills itself for a VAT-registered employee. effectiveFrom is a"
                    + " date in the operator's zone, not before today unless correction is true with a reason (audited;"
                    + " the sessions it covers are priced again). The employee's sessions at their own HOME site that"
                    + " waited for a rate are priced once it is stored.")
    @APIResponse(responseCode = "201", description = "The rate, with its first version")
    @APIResponse(responseCode = "404", description = "The operator is not the caller's to administer")
    @APIResponse(responseCode = "409", description = "The driver or user type has a rate already: give it a version")
    public Response create(@Parameter(description = OPERATOR, example = OPERATOR_EXAMPLE)
                           @PathParam("operatorId") UUID operatorId, @NotNull @Valid RateForm form) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        Tariff rate = rates.create(operatorId, form.driverId(), blankToNull(form.userType()), form.terms());
        return Response.created(URI.create("/api/reimbursement-rates/" + rate.id)).entity(RateView.of(rate)).build();
    }

    @GET
    @Path("/operators/{operatorId}/reimbursement-rates")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "List an operator's reimbursement rates",
            description = "Oldest first with every version, paged by keyset (limit 1 to 500, default 100, then"
                    + " cursor=<next>); driverId or userType narrow the page to that driver's or user type's rate.")
    @APIResponse(responseCode = "404", description = "The operator is not the caller's to administer")
    public Page<RateView> list(@Parameter(description = OPERATOR, example = OPERATOR_EXAMPLE)
                               @PathParam("operatorId") UUID operatorId,
                               @Parameter(description = "Only this employee's rate") @QueryParam("driverId") UUID driverId,
                               @Parameter(description = "Only this user type's rate", example = "EMPLOYEE")
                               @QueryParam("userType") String userType, @BeanParam PageRequest page) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        Page<Tariff> found = Tariff.pageOf(operatorId, PricePurpose.REIMBURSEMENT, page);
        return new Page<>(found.items().stream()
                .filter(rate -> (driverId == null || driverId.equals(rate.driverId))
                        && (userType == null || (rate.driverId == null && rate.names(userType))))
                .map(RateView::of).toList(), found.next());
    }

    @GET
    @Path("/reimbursement-rates/{rateId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Read a reimbursement rate", description = "With every version; for its operator's admins.")
    @APIResponseSchema(value = RateView.class, responseCode = "200", responseDescription = "The rate")
    @APIResponse(responseCode = "404", description = "No such rate, or not the caller's to administer")
    public RateView get(@Parameter(description = RATE, example = RATE_EXAMPLE) @PathParam("rateId") UUID rateId) {
        return RateView.of(ReimbursementRates.of(rateId, caller::administers, LockModeType.NONE));
    }

    @POST
    @Path("/reimbursement-rates/{rateId}/versions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Give a reimbursement rate its next version",
            description = "In force from effectiveFrom (a date in the operator's zone), never before today unless"
                    + " correction is true with a reason: then it is audited as a correction and the sessions it covers"
                    + " that were priced already are priced again and announced as repriced.")
    @APIResponseSchema(value = RateView.class, responseCode = "200", responseDescription = "The rate, versions and all")
    @APIResponse(responseCode = "404", description = "No such rate, or not the caller's to administer")
    public RateView revise(@Parameter(description = RATE, example = RATE_EXAMPLE) @PathParam("rateId") UUID rateId,
                           @NotNull @Valid VersionForm form) {
        return RateView.of(rates.revise(rateId, caller::administers, form.terms()));
    }

    @GET
    @Path("/me/reimbursement-rate")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "The reimbursement rate in force for me today",
            description = "The calling employee's own rate, else their user type's, with the version in force today"
                    + " and, for a CONTRACT rate, the employee's energy contract in force today.")
    @APIResponseSchema(value = MyRateView.class, responseCode = "200", responseDescription = "The rate in force")
    @APIResponse(responseCode = "404", description = "No rate reimburses the caller today")
    public MyRateView mine() {
        UUID driverId = caller.requireDriverId();
        UUID operatorId = caller.requireOperatorId();
        return rates.inForceFor(driverId, operatorId)
                .map(resolution -> MyRateView.of(resolution.tariff(), resolution.version(),
                        contracts.inForceToday(driverId, operatorId)))
                .orElseThrow(() -> DomainException.notFound("Reimbursement rate of driver", driverId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
