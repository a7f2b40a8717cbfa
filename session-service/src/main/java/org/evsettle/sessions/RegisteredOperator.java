package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.OperatorRecord;

/**
 * What this service knows of an operator from {@code registry.operators}: the name, time zone and
 * currency the charge report is written in. The registry owns operators; this is its latest state.
 */
@Entity
@Table(name = "registered_operator")
public class RegisteredOperator extends PanacheEntityBase {

    /** The zone of an operator the registry has not told about (yet): the platform's default. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");
    public static final String DEFAULT_CURRENCY = "EUR";

    @Id
    public UUID id;
    public long revision;
    @Column(name = "legal_name")
    public String legalName;
    @Column(name = "time_zone")
    public String timeZone;
    public String currency;

    /** Takes the record's state if it is newer than what is stored; returns whether it did. */
    public static boolean project(OperatorRecord record) {
        RegisteredOperator operator = RegisteredOperator.<RegisteredOperator>findByIdOptional(record.id()).orElse(null);
        if (operator != null && operator.revision >= record.revision()) {
            return false;
        }
        if (operator == null) {
            operator = new RegisteredOperator();
            operator.id = record.id();
        }
        operator.revision = record.revision();
        operator.legalName = record.legalName() == null ? "" : record.legalName();
        operator.timeZone = record.timeZone() == null ? DEFAULT_ZONE.getId() : record.timeZone();
        operator.currency = record.currency() == null ? DEFAULT_CURRENCY : record.currency();
        operator.persist();
        return true;
    }

    public static Optional<RegisteredOperator> of(UUID operatorId) {
        return operatorId == null ? Optional.empty() : findByIdOptional(operatorId);
    }

    /** The operator's zone; the default when the registry's value is not a zone this JVM knows. */
    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }
}
