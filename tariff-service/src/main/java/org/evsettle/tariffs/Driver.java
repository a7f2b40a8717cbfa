package org.evsettle.tariffs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/** The tariff service's copy of a registry driver: their user type decides the tariff they are shown at a charger. */
@Entity
@Table(name = "driver")
public class Driver extends RegistryCopy<DriverRecord> {

    @Column(name = "operator_id")
    public UUID operatorId;
    /** The Keycloak account whose tokens are this driver (DriverRecord.accountId); null while none is linked. */
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "user_type")
    public String userType;

    @Override
    protected void copy(DriverRecord record) {
        operatorId = record.operatorId();
        accountId = record.accountId();
        userType = record.userType();
    }

    /** The user type of a driver of this operator, if the driver is known. */
    public static Optional<String> userTypeOf(UUID driverId, UUID operatorId) {
        return Driver.<Driver>findByIdOptional(driverId)
                .filter(d -> d.operatorId.equals(operatorId))
                .map(d -> d.userType);
    }
}
