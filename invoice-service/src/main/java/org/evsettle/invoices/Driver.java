package org.evsettle.invoices;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.SepaMandate;
import org.evsettle.outbox.registry.RegistryCopy;

/** The invoice service's copy of a registry driver: the customer on the driver's invoices. */
@Entity
@Table(name = "driver")
public class Driver extends RegistryCopy<DriverRecord> {

    @Column(name = "operator_id")
    public UUID operatorId;
    /** The Keycloak account whose tokens are this driver (DriverRecord.accountId); null while none is linked. */
    @Column(name = "account_id")
    public String accountId;
    public String name;
    public String email;
    @Embedded
    public PostalAddress address;
    @Column(name = "user_type")
    public String userType;
    public String status;
    @Column(name = "company_name")
    public String companyName;
    @Column(name = "company_vat_number")
    public String companyVatNumber;
    @Column(name = "company_registration_number")
    public String companyRegistrationNumber;
    /** The driver's own document language (ISO 639-1), null for the operator's. */
    public String language;
    /** The driver (a business customer of the same operator) invoiced for this driver's charging; null: the driver. */
    @Column(name = "employer_id")
    public UUID employerId;
    /** Where the driver's reimbursements are paid out (home charging); null: none, or erased. */
    @Column(name = "payout_iban")
    public String payoutIban;
    @Column(name = "mandate_id")
    public String mandateId;
    @Column(name = "mandate_signed_on")
    public LocalDate mandateSignedOn;
    @Column(name = "mandate_iban")
    public String mandateIban;
    @Column(name = "mandate_bic")
    public String mandateBic;

    /**
     * The operator a driver belongs to, as far as this service knows: from the registry, or else from the
     * driver's invoices (a price may come before the driver's record). Empty for a driver unknown here.
     */
    public static Optional<UUID> operatorOf(UUID driverId) {
        Optional<UUID> registered = Driver.<Driver>findByIdOptional(driverId).map(driver -> driver.operatorId);
        if (registered.isPresent()) {
            return registered;
        }
        return getEntityManager().createQuery("select i.operatorId from Invoice i where i.driverId = :driverId", UUID.class)
                .setParameter("driverId", driverId).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    protected void copy(DriverRecord record) {
        operatorId = record.operatorId();
        accountId = record.accountId();
        name = record.name();
        email = record.email();
        address = PostalAddress.of(record.billingAddress());
        userType = record.userType();
        status = record.status();
        companyName = record.companyName();
        companyVatNumber = record.companyVatNumber();
        companyRegistrationNumber = record.companyRegistrationNumber();
        language = record.language();
        employerId = record.employerId();
        payoutIban = record.payoutIban();
        SepaMandate mandate = record.sepaMandate();
        mandateId = mandate == null ? null : mandate.mandateId();
        mandateSignedOn = mandate == null ? null : mandate.signedOn();
        mandateIban = mandate == null ? null : mandate.iban();
        mandateBic = mandate == null ? null : mandate.bic();
        if (DriverErasure.ERASED.equals(record.status())) {
            DriverErasure.erasePersonalCopies(record.id());
        }
    }

    /** The SEPA direct debit mandate the driver signed, if it is complete enough to collect with. */
    public Optional<SepaMandate> mandate() {
        if (mandateId == null || mandateId.isBlank() || mandateSignedOn == null || mandateIban == null
                || mandateIban.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SepaMandate(mandateId, mandateSignedOn, mandateIban, mandateBic));
    }

    /** A business customer: the invoice names the company and, where it has one, its VAT number. */
    public boolean isCompany() {
        return (companyName != null && !companyName.isBlank()) || (companyVatNumber != null && !companyVatNumber.isBlank());
    }
}
