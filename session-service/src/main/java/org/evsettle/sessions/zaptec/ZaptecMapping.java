package org.evsettle.sessions.zaptec;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.IdTags;

/**
 * What an operator said once (table {@code zaptec_mapping}): this Zaptec user is this driver, this Zaptec token
 * is this card (or driver), this Zaptec charger is this registered charger. It wins over every other match.
 */
@Entity
@Table(name = "zaptec_mapping")
public class ZaptecMapping extends PanacheEntityBase {

    /** What of Zaptec's is mapped. */
    public enum Kind {
        /** A Zaptec UserId. */
        USER,
        /** A Zaptec TokenName (an RFID UID or a token's name), matched in its normal form as idTags are. */
        TOKEN,
        /** A Zaptec ChargerId, DeviceId or DeviceName. */
        CHARGER
    }

    /** The operator, the kind and Zaptec's key (in its normal form). */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "operator_id")
        public UUID operatorId;
        @Enumerated(EnumType.STRING)
        public Kind kind;
        @Column(name = "zaptec_key")
        public String zaptecKey;

        public Key() {
        }

        Key(UUID operatorId, Kind kind, String zaptecKey) {
            this.operatorId = operatorId;
            this.kind = kind;
            this.zaptecKey = normal(kind, zaptecKey);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(operatorId, key.operatorId) && kind == key.kind
                    && Objects.equals(zaptecKey, key.zaptecKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(operatorId, kind, zaptecKey);
        }
    }

    @EmbeddedId
    public Key key;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "card_id")
    public UUID cardId;
    @Column(name = "charge_point_id")
    public String chargePointId;
    @Column(name = "set_by")
    public String setBy;
    @Column(name = "set_at")
    public Instant setAt;

    /** The form a key is kept and looked up in: a token as idTags are normalized, the others in upper case. */
    static String normal(Kind kind, String key) {
        return kind == Kind.TOKEN ? IdTags.normalize(key) : key.trim().toUpperCase(Locale.ROOT);
    }

    public static Optional<ZaptecMapping> of(UUID operatorId, Kind kind, String zaptecKey) {
        return zaptecKey == null || zaptecKey.isBlank() ? Optional.empty()
                : findByIdOptional(new Key(operatorId, kind, zaptecKey));
    }

    /** The mapping to set: the stored one of the key, or a new one. */
    static ZaptecMapping toSet(UUID operatorId, Kind kind, String zaptecKey) {
        return ZaptecMapping.<ZaptecMapping>findByIdOptional(new Key(operatorId, kind, zaptecKey)).orElseGet(() -> {
            ZaptecMapping mapping = new ZaptecMapping();
            mapping.key = new Key(operatorId, kind, zaptecKey);
            return mapping;
        });
    }

    public static List<ZaptecMapping> ofOperator(UUID operatorId) {
        return list("key.operatorId", Sort.by("key.kind").and("key.zaptecKey"), operatorId);
    }
}
