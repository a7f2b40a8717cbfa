package org.evsettle.events.registry;

import java.util.UUID;

/**
 * A driver: the customer on an invoice. userType is RESIDENT, EMPLOYEE, GUEST or a type the operator
 * defined; company fields are set for business customers; status is ACTIVE or INACTIVE.
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
        String status) implements RegistryRecord {
}
