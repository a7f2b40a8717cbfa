package org.evsettle.invoices;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.evsettle.events.registry.Address;

/** A postal address as the projections store it; {@link Address} is its form in events and on the API. */
@Embeddable
public class PostalAddress {

    public String street;
    @Column(name = "postal_code")
    public String postalCode;
    public String city;
    @Column(name = "country_code")
    public String countryCode;

    public static PostalAddress of(Address address) {
        PostalAddress stored = new PostalAddress();
        if (address != null) {
            stored.street = address.street();
            stored.postalCode = address.postalCode();
            stored.city = address.city();
            stored.countryCode = address.countryCode();
        }
        return stored;
    }

    public Address toAddress() {
        return new Address(street, postalCode, city, countryCode);
    }
}
