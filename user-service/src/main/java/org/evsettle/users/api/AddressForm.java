package org.evsettle.users.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.events.registry.Address;

/** A postal address as a client sends it. */
public record AddressForm(
        @Schema(example = "Lindelaan 12") @NotBlank @Size(max = 200) String street,
        @Schema(example = "3581 AB") @NotBlank @Size(max = 20) String postalCode,
        @Schema(example = "Utrecht") @NotBlank @Size(max = 100) String city,
        @Schema(example = "NL") @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as NL or BE")
        String countryCode) {

    public Address toAddress() {
        return new Address(street.trim(), postalCode.trim(), city.trim(), countryCode);
    }
}
