package org.evsettle.tariffs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.outbox.registry.RegistryCopy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The tariff service's copy of a registry operator: the user types its tariffs may name, the time
 * zone their times of day are read in and the currency they are in. Until the registry's record has
 * arrived, an operator has the standard user types and the platform's default zone and currency.
 */
@Entity
@Table(name = "operator")
public class Operator extends RegistryCopy<OperatorRecord> {

    public static final List<String> STANDARD_USER_TYPES = List.of("RESIDENT", "EMPLOYEE", "GUEST");

    @Column(name = "time_zone")
    public String timeZone;
    public String currency;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "user_types")
    public List<String> userTypes = new ArrayList<>();

    @Override
    protected void copy(OperatorRecord record) {
        // stored with the defaults applied, so that every reader of the copy sees the same zone and currency
        timeZone = OperatorZone.of(record.timeZone()).getId();
        currency = record.currency() == null || record.currency().isBlank() ? OperatorRecord.DEFAULT_CURRENCY
                : record.currency();
        userTypes = record.userTypes() == null ? new ArrayList<>() : new ArrayList<>(record.userTypes());
    }

    public static Optional<Operator> known(UUID operatorId) {
        return findByIdOptional(operatorId);
    }

    /** The user types a tariff of this operator may name. */
    public static List<String> userTypesOf(UUID operatorId) {
        return Operator.<Operator>findByIdOptional(operatorId)
                .map(o -> o.userTypes.isEmpty() ? STANDARD_USER_TYPES : List.copyOf(o.userTypes))
                .orElse(STANDARD_USER_TYPES);
    }

    public static ZoneId zoneOf(UUID operatorId) {
        return Operator.<Operator>findByIdOptional(operatorId).map(Operator::zone).orElse(OperatorZone.DEFAULT);
    }

    public static String currencyOf(UUID operatorId) {
        return Operator.<Operator>findByIdOptional(operatorId).map(o -> o.currency)
                .orElse(OperatorRecord.DEFAULT_CURRENCY);
    }

    /** Its zone; the default for a zone id this JVM does not know, so that a tariff can still be made. */
    public ZoneId zone() {
        return OperatorZone.of(timeZone);
    }
}
