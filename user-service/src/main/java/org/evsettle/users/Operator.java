package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.OperatorRecord;

/** A tenant: a housing corporation, homeowners' association or company that bills its drivers. */
@Entity
@Table(name = "operator")
public class Operator extends PanacheEntityBase {

    @Id
    public UUID id;
    @Version
    public long revision;
    @Column(name = "legal_name")
    public String legalName;
    @Embedded
    public PostalAddress address;
    @Column(name = "vat_number")
    public String vatNumber;
    @Column(name = "chamber_of_commerce_number")
    public String chamberOfCommerceNumber;
    public String iban;
    public String bic;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "time_zone")
    public String timeZone;
    public String currency;
    @Column(name = "billing_interval")
    public String billingInterval;
    @Column(name = "grace_days")
    public int graceDays;
    @Column(name = "payment_term_days")
    public int paymentTermDays;
    @Column(name = "invoice_number_prefix")
    public String invoiceNumberPrefix;
    @Column(name = "accepts_unknown_chargers")
    public boolean acceptsUnknownChargers;

    public OperatorRecord toRecord() {
        return new OperatorRecord(id, revision, legalName, address.toAddress(), vatNumber, chamberOfCommerceNumber,
                iban, bic, contactEmail, timeZone, currency, billingInterval, graceDays, paymentTermDays,
                invoiceNumberPrefix, acceptsUnknownChargers, List.of("RESIDENT", "EMPLOYEE", "GUEST"), null, null,
                false);
    }
}
