package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;

/**
 * What an operator collects direct debits with: its SEPA creditor identifier (for example
 * NL57ZZZ999999999999), which its bank assigned. The registry does not carry it, so the invoice service
 * keeps it.
 */
@Entity
@Table(name = "collection_settings")
public class CollectionSettings extends PanacheEntityBase {

    @Id
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "creditor_id")
    public String creditorId;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Sets the operator's creditor identifier, normalized; 400 when it is not a valid one. */
    public static CollectionSettings save(UUID operatorId, String creditorId, Instant now) {
        if (!isCreditorId(creditorId)) {
            throw DomainException.invalid("creditorId", "is not a valid SEPA creditor identifier (like NL57ZZZ999999999999)");
        }
        CollectionSettings settings = CollectionSettings.<CollectionSettings>findByIdOptional(operatorId).orElseGet(() -> {
            CollectionSettings created = new CollectionSettings();
            created.operatorId = operatorId;
            return created;
        });
        settings.creditorId = normalize(creditorId);
        settings.updatedAt = now;
        settings.persist();
        return settings;
    }

    /**
     * Whether this is a well-formed SEPA creditor identifier: country, two check digits, a three-character
     * business code and the national identifier, with check digits over the national identifier and
     * country (ISO 7064 MOD 97-10, the business code left out, as the EPC specifies).
     */
    public static boolean isCreditorId(String id) {
        String normalized = normalize(id);
        if (!normalized.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}")) {
            return false;
        }
        String checked = normalized.substring(7) + normalized.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : checked.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    public static String normalize(String id) {
        return id == null ? "" : id.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
