package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.evsettle.events.registry.DriverRecord;

/** The invoice service's copy of a registry driver: the customer on the driver's invoices. */
@Entity
@Table(name = "driver")
public class Driver extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The registry's revision of this state, not a local version. */
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    public String name;
    @Embedded
    public PostalAddress address;
    @Column(name = "company_name")
    public String companyName;
    @Column(name = "company_vat_number")
    public String companyVatNumber;

    /** Takes over the record's state. */
    public void copy(DriverRecord record) {
        id = record.id();
        revision = record.revision();
        operatorId = record.operatorId();
        name = record.name();
        address = PostalAddress.of(record.billingAddress());
        companyName = record.companyName();
        companyVatNumber = record.companyVatNumber();
    }
}
