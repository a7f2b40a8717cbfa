package org.evsettle.tariffs.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.tariffs.Driver;
import org.evsettle.tariffs.EnergyContract;
import org.evsettle.tariffs.EnergyContracts;
import org.evsettle.tariffs.api.EnergyContractForms.ContractForm;
import org.evsettle.tariffs.api.EnergyContractForms.EndForm;

/**
 * Employees' energy contracts, which a CONTRACT reimbursement rate pays home charging by: entered and ended by the
 * employee or by an admin of the company. The rules are {@link EnergyContracts}'; this resource parses, scopes and maps.
 */
@Path("/api")
@Tag(name = "Energy contracts", description = "The prices employees pay their own energy supplier")
public class EnergyContractResource {

    private static final String OPERATOR = "The operator's id, as in the registry";
    private static final String OPERATOR_EXAMPLE = "8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f";
    private static final String DRIVER = "The employee's driver id";
    private static final String DRIVER_EXAMPLE = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final String CONTRACT = "The energy contract's id";
    private static final String CONTRACT_EXAMPLE = "5b1d3f57-9a2c-4e8b-b6d4-0f1e2d3c4b5a";
    private static final String RULES = " Prices incl. VAT as on the energy bill; a driver's contracts never overlap"
            + " (400 on validFrom naming the contract in the way). Home sessions that waited for a contract are"
            + " reimbursed once it is stored.";

    private final Caller caller;
    private final EnergyContracts contracts;

    public EnergyContractResource(Caller caller, EnergyContracts contracts) {
        this.caller = caller;
        this.contracts = contracts;
    }

    @GET
    @Path("/operators/{operatorId}/drivers/{driverId}/energy-contracts")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "List an employee's energy contracts", description = "The earliest first, all on one page.")
    @APIResponse(responseCode = "404", description = "The operator or driver is not the caller's to administer")
    public Page<EnergyContractView> listOf(@Parameter(description = OPERATOR, example = OPERATOR_EXAMPLE)
                                           @PathParam("operatorId") UUID operatorId,
                                           @Parameter(description = DRIVER, example = DRIVER_EXAMPLE)
                                           @PathParam("driverId") UUID driverId) {
        requireDriverOf(operatorId, driverId);
        return pageOf(driverId);
    }

    @POST
    @Path("/operators/{operatorId}/drivers/{driverId}/energy-contracts")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Enter an employee's energy contract", description = "For a driver of the operator." + RULES)
    @APIResponse(responseCode = "201", description = "The contract")
    @APIResponse(responseCode = "404", description = "The operator or driver is not the caller's to administer")
    public Response addFor(@Parameter(description = OPERATOR, example = OPERATOR_EXAMPLE)
                           @PathParam("operatorId") UUID operatorId,
                           @Parameter(description = DRIVER, example = DRIVER_EXAMPLE)
                           @PathParam("driverId") UUID driverId, @NotNull @Valid ContractForm form) {
        requireDriverOf(operatorId, driverId);
        return created(contracts.add(operatorId, driverId, form.terms()));
    }

    @GET
    @Path("/me/energy-contracts")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "My energy contracts", description = "The calling employee's, the earliest first.")
    public Page<EnergyContractView> mine() {
        return pageOf(caller.requireDriverId());
    }

    @POST
    @Path("/me/energy-contracts")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "Enter my energy contract", description = "The calling employee's own." + RULES)
    @APIResponse(responseCode = "201", description = "The contract")
    public Response addMine(@NotNull @Valid ContractForm form) {
        return created(contracts.add(caller.requireOperatorId(), caller.requireDriverId(), form.terms()));
    }

    @GET
    @Path("/energy-contracts/{contractId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "Read an energy contract", description = "For its employee and the admins of their operator.")
    @APIResponseSchema(value = EnergyContractView.class, responseCode = "200", responseDescription = "The contract")
    @APIResponse(responseCode = "404", description = "No such contract, or not the caller's to see")
    public EnergyContractView get(@Parameter(description = CONTRACT, example = CONTRACT_EXAMPLE)
                                  @PathParam("contractId") UUID contractId) {
        return EnergyContractView.of(EnergyContracts.of(contractId, this::maySee));
    }

    @PUT
    @Path("/energy-contracts/{contractId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "End an energy contract",
            description = "Sets its last day (included; null opens it again). What was reimbursed under it stands:"
                    + " ending it before a day whose home session it reimbursed already answers 409.")
    @APIResponseSchema(value = EnergyContractView.class, responseCode = "200", responseDescription = "The contract")
    @APIResponse(responseCode = "404", description = "No such contract, or not the caller's to change")
    @APIResponse(responseCode = "409", description = "A home session after validTo was reimbursed under it")
    public EnergyContractView end(@Parameter(description = CONTRACT, example = CONTRACT_EXAMPLE)
                                  @PathParam("contractId") UUID contractId, @NotNull @Valid EndForm form) {
        return EnergyContractView.of(contracts.end(contractId, this::maySee, form.validTo()));
    }

    @DELETE
    @Path("/energy-contracts/{contractId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "Delete an energy contract entered by mistake",
            description = "Only while no home session was reimbursed under it (else 409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such contract, or not the caller's to change")
    @APIResponse(responseCode = "409", description = "A home session was reimbursed under it")
    public void delete(@Parameter(description = CONTRACT, example = CONTRACT_EXAMPLE)
                       @PathParam("contractId") UUID contractId) {
        contracts.delete(contractId, this::maySee);
    }

    private boolean maySee(EnergyContract contract) {
        return caller.maySeeDriver(contract.operatorId, contract.driverId);
    }

    private void requireDriverOf(UUID operatorId, UUID driverId) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        if (Driver.userTypeOf(driverId, operatorId).isEmpty()) {
            throw DomainException.notFound("Driver", driverId);
        }
    }

    private static Page<EnergyContractView> pageOf(UUID driverId) {
        return new Page<>(EnergyContract.of(driverId).stream().map(EnergyContractView::of).toList(), null);
    }

    private static Response created(EnergyContract contract) {
        return Response.created(URI.create("/api/energy-contracts/" + contract.id))
                .entity(EnergyContractView.of(contract)).build();
    }
}
