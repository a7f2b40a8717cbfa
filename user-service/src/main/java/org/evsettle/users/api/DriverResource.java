package org.evsettle.users.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Driver;
import org.evsettle.users.PostalAddress;
import org.evsettle.users.messaging.RegistryPublisher;

/** Drivers of an operator: the customers on its invoices. */
@Path("/api")
public class DriverResource {

    /** A driver as a client sends it; userType RESIDENT when left out. */
    public record DriverForm(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email String email,
            @NotNull @Valid AddressForm billingAddress,
            @Pattern(regexp = "[A-Z][A-Z_]{1,29}", message = "must be upper case, such as RESIDENT, EMPLOYEE or GUEST")
            String userType,
            @Size(max = 200) String companyName,
            @Pattern(regexp = "[A-Z]{2}[0-9A-Z]{2,13}", message = "must be a VAT number such as BE0123456789")
            String companyVatNumber) {
    }

    /** A driver as the API shows it. */
    public record DriverView(UUID id, long revision, UUID operatorId, String name, String email, Address billingAddress,
                             String userType, String companyName, String companyVatNumber, String status) {
        static DriverView of(Driver d) {
            return new DriverView(d.id, d.revision, d.operatorId, d.name, d.email, d.billingAddress.toAddress(),
                    d.userType, d.companyName, d.companyVatNumber, d.status);
        }
    }

    private final OperatorScope operators;
    private final Caller caller;
    private final RegistryPublisher registry;

    public DriverResource(OperatorScope operators, Caller caller, RegistryPublisher registry) {
        this.operators = operators;
        this.caller = caller;
        this.registry = registry;
    }

    @POST
    @Path("/operators/{operatorId}/drivers")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    public Response create(@PathParam("operatorId") UUID operatorId, @NotNull @Valid DriverForm form) {
        operators.require(operatorId);
        String email = form.email().trim().toLowerCase(Locale.ROOT);
        if (Driver.count("operatorId = ?1 and email = ?2", operatorId, email) > 0) {
            throw DomainException.conflict("A driver with e-mail " + email + " already exists for this operator");
        }
        Driver driver = new Driver();
        driver.id = UUID.randomUUID();
        driver.operatorId = operatorId;
        driver.name = form.name().trim();
        driver.email = email;
        driver.billingAddress = PostalAddress.of(form.billingAddress().toAddress());
        driver.userType = Optional.ofNullable(form.userType()).orElse(Driver.RESIDENT);
        driver.companyName = form.companyName();
        driver.companyVatNumber = form.companyVatNumber();
        driver.status = "ACTIVE";
        driver.persist();
        registry.changed(driver);
        return Response.created(URI.create("/api/drivers/" + driver.id)).entity(DriverView.of(driver)).build();
    }

    @GET
    @Path("/operators/{operatorId}/drivers")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    public List<DriverView> list(@PathParam("operatorId") UUID operatorId) {
        operators.require(operatorId);
        return Driver.<Driver>list("operatorId", Sort.by("name"), operatorId).stream().map(DriverView::of).toList();
    }

    @GET
    @Path("/drivers/{driverId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    public DriverView get(@PathParam("driverId") UUID driverId) {
        return DriverView.of(visible(driverId));
    }

    /** The driver's own profile. */
    @GET
    @Path("/me")
    @RolesAllowed(Roles.DRIVER)
    public DriverView me() {
        return DriverView.of(visible(caller.requireDriverId()));
    }

    private Driver visible(UUID driverId) {
        return Driver.<Driver>findByIdOptional(driverId)
                .filter(d -> caller.maySeeDriver(d.operatorId, d.id))
                .orElseThrow(() -> DomainException.notFound("Driver", driverId));
    }
}
