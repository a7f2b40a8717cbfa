package org.evsettle.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.outbox.registry.RegistryCopy;

/**
 * This service's copy of a registry operator: the name, time zone, currency and language (with the
 * country it defaults from) the charge report is written in, and the zone whose calendar dates session
 * lists and reports filter by.
 */
@Entity
@Table(name = "operator")
public class Operator extends RegistryCopy<OperatorRecord> {

    @Column(name = "legal_name")
    public String legalName;
    @Column(name = "time_zone")
    public String timeZone;
    public String currency;
    /** The operator's document language (ISO 639-1), null for its country's. */
    public String language;
    @Column(name = "country_code")
    public String countryCode;

    /** The operator if the registry has told about it. */
    public static Optional<Operator> known(UUID operatorId) {
        return operatorId == null ? Optional.empty() : findByIdOptional(operatorId);
    }

    /** The operator's zone; the platform's default for one not known (yet) or none at all (null). */
    public static ZoneId zoneOf(UUID operatorId) {
        return known(operatorId).map(Operator::zone).orElse(OperatorZone.DEFAULT);
    }

    @Override
    protected void copy(OperatorRecord record) {
        legalName = record.legalName() == null ? "" : record.legalName();
        // stored with the defaults applied, so that every reader of the copy sees the same zone and currency
        timeZone = OperatorZone.of(record.timeZone()).getId();
        currency = record.currency() == null || record.currency().isBlank() ? OperatorRecord.DEFAULT_CURRENCY
                : record.currency();
        language = record.language();
        countryCode = record.address() == null ? null : record.address().countryCode();
    }

    /** The language its admins read the report in: its own choice, else its country's. */
    public DocumentLanguage documentLanguage() {
        return DocumentLanguage.resolve(null, language, countryCode);
    }

    public ZoneId zone() {
        return OperatorZone.of(timeZone);
    }
}
