package org.evsettle.tariffs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.OperatorRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The tariff service's copy of a registry operator: the user types its tariffs may name, the time
 * zone their times of day are read in and the currency they are in. Until the registry's record has
 * arrived, an operator has the standard user types, Europe/Amsterdam and EUR.
 */
@Entity
@Table(name = "operator")
public class Operator extends PanacheEntityBase implements RegistryCopy<OperatorRecord> {

    public static final List<String> STANDARD_USER_TYPES = List.of("RESIDENT", "EMPLOYEE", "GUEST");
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");
    public static final String DEFAULT_CURRENCY = "EUR";

    @Id
    public UUID id;
    /** The registry's revision of this state, not a local version. */
    public long revision;
    @Column(name = "time_zone")
    public String timeZone;
    public String currency;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "user_types")
    public List<String> userTypes = new ArrayList<>();

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public void copy(OperatorRecord record) {
        id = record.id();
        revision = record.revision();
        timeZone = record.timeZone();
        currency = record.currency();
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
        return Operator.<Operator>findByIdOptional(operatorId).map(Operator::zone).orElse(DEFAULT_ZONE);
    }

    public static String currencyOf(UUID operatorId) {
        return Operator.<Operator>findByIdOptional(operatorId)
                .map(o -> o.currency == null || o.currency.isBlank() ? DEFAULT_CURRENCY : o.currency)
                .orElse(DEFAULT_CURRENCY);
    }

    /** Its zone; the default for a zone id this JVM does not know, so that a tariff can still be made. */
    public ZoneId zone() {
        try {
            return timeZone == null ? DEFAULT_ZONE : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }
}
