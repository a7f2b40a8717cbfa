package org.evsettle.tariffs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.DriverRecord;

/** The tariff service's copy of a registry driver: their user type decides the tariff they are shown at a charger. */
@Entity
@Table(name = "driver")
public class Driver extends PanacheEntityBase implements RegistryCopy<DriverRecord> {

    @Id
    public UUID id;
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "user_type")
    public String userType;

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public void copy(DriverRecord record) {
        id = record.id();
        revision = record.revision();
        operatorId = record.operatorId();
        userType = record.userType();
    }

    /** The user type of a driver of this operator, if the driver is known. */
    public static Optional<String> userTypeOf(UUID driverId, UUID operatorId) {
        return Driver.<Driver>findByIdOptional(driverId)
                .filter(d -> d.operatorId.equals(operatorId))
                .map(d -> d.userType);
    }
}
