package org.evsettle.events.registry;

import java.util.UUID;

/**
 * A driver: the customer on an invoice. userType is RESIDENT, EMPLOYEE, GUEST or a type the operator
 * defined; company fields are set for business customers; status is ACTIVE or INACTIVE. sepaMandate is
 * set when the driver pays by direct debit; accountId is the driver's Keycloak user id, once linked.
 * language is the ISO 639-1 code of the language of the driver's documents ({@link DocumentLanguage};
 * null: the operator's). companyRegistrationNumber is a business customer's number in its country's
 * register: a Dutch KvK number (8 digits) or a Belgian enterprise number (10 digits, mod-97).
 * <p>
 * employerId is set when the driver's charging is billed to their employer: another driver of the same
 * operator, a business customer (company name, VAT and registration number), who receives one invoice per
 * period for the sessions of all its employees instead of invoices to each. payoutIban is the account the
 * driver's reimbursements (home charging paid back by the company) are transferred to. Records published
 * before these existed carry neither.
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
        String companyRegistrationNumber,
        UUID employerId,
        String payoutIban) implements RegistryRecord {

    /** A driver billed themselves, with no payout account (the form of the records before employers existed). */
    public DriverRecord(UUID id, long revision, UUID operatorId, String name, String email, Address billingAddress,
                        String userType, String companyName, String companyVatNumber, String status,
                        SepaMandate sepaMandate, String accountId, String language, String companyRegistrationNumber) {
        this(id, revision, operatorId, name, email, billingAddress, userType, companyName, companyVatNumber, status,
                sepaMandate, accountId, language, companyRegistrationNumber, null, null);
    }
}
