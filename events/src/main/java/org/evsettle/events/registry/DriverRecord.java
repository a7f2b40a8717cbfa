package org.evsettle.events.registry;

import java.util.UUID;

/**
 * A driver: the customer on an invoice. userType is RESIDENT, EMPLOYEE, GUEST or a type the operator
 * defined; company fields are set for business customers; status is ACTIVE or INACTIVE. sepaMandate is
 * set when the driver pays by direct debit; accountId is the driver's Keycloak user id, once linked.
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
        String accountId) implements RegistryRecord {
}
