package org.evsettle.events.registry;

import java.util.UUID;

/**
 * A driver: the customer on an invoice. userType is RESIDENT, EMPLOYEE, GUEST or a type the operator
 * defined; company fields are set for business customers; status is ACTIVE or INACTIVE. sepaMandate is
 * set when the driver pays by direct debit; accountId is the driver's Keycloak user id, once linked.
 * language is the ISO 639-1 code of the language of the driver's documents ({@link DocumentLanguage};
 * null: the operator's). companyRegistrationNumber is a business customer's number in its country's
 * register: a Dutch KvK number (8 digits) or a Belgian enterprise number (10 digits, mod-97).
 */
public record DriverRecord(
        UUID id,
        long revision,
        UUID operatorId,
        String name,
        String email,
        Address billingAddress,
        String userType,
        String companyName,
        String companyVatNumber,
        String status,
        SepaMandate sepaMandate,
        String accountId,
        String language,
        String companyRegistrationNumber) implements RegistryRecord {
}
