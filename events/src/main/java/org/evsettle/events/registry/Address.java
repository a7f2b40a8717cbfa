package org.evsettle.events.registry;

/** A postal address; countryCode is ISO 3166-1 alpha-2 (NL, BE, ...). */
public record Address(String street, String postalCode, String city, String countryCode) {
}
