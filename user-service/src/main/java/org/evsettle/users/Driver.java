package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;

/** A person who charges at an operator's chargers and receives its invoices. */
@Entity
@Table(name = "driver")
public class Driver extends PanacheEntityBase implements RegistryEntity {

    /**
     * An INACTIVE driver no longer charges: their cards are blocked until the driver is active again. An
     * ERASED driver's personal data is gone for good ({@link DriverErasure}).
     */
    public enum Status { ACTIVE, INACTIVE, ERASED }

    private static final Keyset LISTED = Keyset.of(Keyset.ascending("name", String.class),
            Keyset.ascending("email", String.class), Keyset.ascending("id", UUID.class));

    @Id
    public UUID id;
    @Version
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    public String name;
    public String email;
    @Embedded
    public PostalAddress billingAddress;
    @Column(name = "user_type")
    public String userType;
    @Column(name = "company_name")
    public String companyName;
    @Column(name = "company_vat_number")
    public String companyVatNumber;
    public String status;
    @Embedded
    public SepaDebitMandate sepaMandate;
    /** ISO 639-1 code of the language of the driver's documents; null: the operator's. */
    public String language;
    /** A business customer's number in its country's register, digits only for NL and BE. */
    @Column(name = "company_registration_number")
    public String companyRegistrationNumber;
    /** The Keycloak user id of the driver's login, once linked. */
    @Column(name = "account_id")
    public String accountId;
    /** The business customer (another driver of the operator) billed for this driver's charging; null: the driver. */
    @Column(name = "employer_id")
    public UUID employerId;
    /** Where the driver's reimbursements are paid out to: an IBAN without spaces, in upper case. */
    @Column(name = "payout_iban")
    public String payoutIban;
    /** When the driver's personal data was erased; null while it is kept. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    public static Optional<Driver> byId(UUID id) {
        return findByIdOptional(id);
    }

    public static Optional<Driver> byAccountId(String accountId) {
        return find("accountId", accountId).firstResultOptional();
    }

    /**
     * A page of the operator's drivers by name, e-mail, then id; of one status and user type, and with the searched
     * text in their name or e-mail, or all (null). A search needs a transaction (its plan is set for it).
     */
    public static Page<Driver> page(UUID operatorId, Status status, String userType, DriverSearch search,
                                    PageRequest request) {
        if (search != null) {
            search.planForTheText();
        }
        return RegistryList.of(Driver.class, LISTED, d -> List.of(d.name, d.email, d.id))
                .where("operatorId", operatorId).where("status", status == null ? null : status.name())
                .where("userType", userType).containing(search == null ? null : search.text(), "name", "email")
                .page(request);
    }

    public boolean isActive() {
        return Status.ACTIVE.name().equals(status);
    }

    /** A business customer: a company name, and a VAT or registration number (an employer must be one). */
    public boolean isBusinessCustomer() {
        return companyName != null && (companyVatNumber != null || companyRegistrationNumber != null);
    }

    public boolean isErased() {
        return Status.ERASED.name().equals(status);
    }

    /** The e-mail as others may see it: none for an erased driver (whose stored one is a placeholder). */
    public String shownEmail() {
        return isErased() ? null : email;
    }

    /** The billing address, if the driver still has one. */
    public Address shownAddress() {
        return billingAddress == null ? null : billingAddress.toAddress();
    }

    @Override
    public DriverRecord toRecord() {
        return new DriverRecord(id, revision, operatorId, name, shownEmail(), shownAddress(), userType,
                companyName, companyVatNumber, status, SepaDebitMandate.toMandate(sepaMandate), accountId, language,
                companyRegistrationNumber, employerId, payoutIban);
    }
}
