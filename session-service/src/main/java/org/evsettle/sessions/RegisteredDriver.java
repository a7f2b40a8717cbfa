package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.DriverRecord;

/**
 * What this service knows of a driver from {@code registry.drivers}: the user type for a session's
 * snapshot, the name for the charge report. The registry owns drivers; this is its latest state as far
 * as it has arrived.
 */
@Entity
@Table(name = "registered_driver")
public class RegisteredDriver extends PanacheEntityBase {

    @Id
    public UUID id;
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "user_type")
    public String userType;
    /** The driver's name, for the charge report. */
    public String name;

    /** Takes the record's state if it is newer than what is stored; returns whether it did. */
    public static boolean project(DriverRecord record) {
        RegisteredDriver driver = RegisteredDriver.<RegisteredDriver>findByIdOptional(record.id()).orElse(null);
        if (driver != null && driver.revision >= record.revision()) {
            return false;
        }
        if (driver == null) {
            driver = new RegisteredDriver();
            driver.id = record.id();
        }
        driver.revision = record.revision();
        driver.operatorId = record.operatorId();
        driver.userType = record.userType();
        driver.name = record.name();
        driver.persist();
        return true;
    }

    /** The user types of these drivers as known now, by id; an unknown driver or one without a type is absent. */
    public static Map<UUID, String> userTypes(Collection<UUID> driverIds) {
        Map<UUID, String> userTypes = new HashMap<>();
        if (!driverIds.isEmpty()) {
            RegisteredDriver.<RegisteredDriver>list("id in ?1", driverIds).stream()
                    .filter(driver -> driver.userType != null)
                    .forEach(driver -> userTypes.put(driver.id, driver.userType));
        }
        return userTypes;
    }

    public static Optional<String> userTypeOf(UUID driverId) {
        return driverId == null ? Optional.empty()
                : RegisteredDriver.<RegisteredDriver>findByIdOptional(driverId).map(driver -> driver.userType);
    }
}
