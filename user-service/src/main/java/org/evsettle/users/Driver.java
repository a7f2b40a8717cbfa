package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.evsettle.events.registry.DriverRecord;

/** A person who charges at an operator's chargers and receives its invoices. */
@Entity
@Table(name = "driver")
public class Driver extends PanacheEntityBase {

    /** The user types every operator has; operators may define more. */
    public static final String RESIDENT = "RESIDENT";

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

    public DriverRecord toRecord() {
        return new DriverRecord(id, revision, operatorId, name, email, billingAddress.toAddress(), userType,
                companyName, companyVatNumber, status, null, null);
    }
}
