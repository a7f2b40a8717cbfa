package org.evsettle.gateway;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.events.registry.OperatorRecord;

/** Builders of registry records as user-service publishes them, with fresh ids. */
public final class RegistryRecords {

    private RegistryRecords() {
    }

    public static OperatorRecord anOperator(UUID operatorId, String timeZone) {
        return new OperatorRecord(operatorId, 1, "Woonstichting De Linde",
                new Address("Lindelaan 12", "3581 AB", "Utrecht", "NL"), "NL001234567B01", "12345678",
                "NL91ABNA0417164300", "ABNANL2A", "facturen@delinde.example", timeZone, "EUR", "MONTHLY", 14, 14,
                "LINDE", false, List.of("RESIDENT", "EMPLOYEE", "GUEST"), null, null, false);
    }

    public static ChargerRecord aCharger(UUID operatorId, String chargePointId, String password) {
        return new ChargerRecord(UUID.randomUUID(), 1, operatorId, UUID.randomUUID(), chargePointId, 2, null, null,
                null, OcppPasswordHash.hash(password), "ACTIVE");
    }

    public static CardRecord aCard(UUID operatorId, String idTag, UnaryOperator<CardBuilder> changes) {
        return changes.apply(new CardBuilder(operatorId, idTag)).build();
    }

    /** A card, ACTIVE and without end date unless changed. */
    public static final class CardBuilder {
        private final UUID operatorId;
        private final String idTag;
        private UUID id = UUID.randomUUID();
        private long revision = 1;
        private String status = "ACTIVE";
        private LocalDate validUntil;
        private final UUID driverId = UUID.randomUUID();

        CardBuilder(UUID operatorId, String idTag) {
            this.operatorId = operatorId;
            this.idTag = idTag;
        }

        public CardBuilder id(UUID id) {
            this.id = id;
            return this;
        }

        public CardBuilder revision(long revision) {
            this.revision = revision;
            return this;
        }

        public CardBuilder status(String status) {
            this.status = status;
            return this;
        }

        public CardBuilder validUntil(LocalDate validUntil) {
            this.validUntil = validUntil;
            return this;
        }

        public CardRecord build() {
            return new CardRecord(id, revision, operatorId, driverId, idTag, "card " + idTag, status, null, validUntil);
        }
    }
}
