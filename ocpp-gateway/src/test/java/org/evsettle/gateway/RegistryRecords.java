package org.evsettle.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventType;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.RegistryChange;
import org.evsettle.events.registry.RegistryRecord;

/** Builders of registry records as user-service publishes them, with fresh ids. */
public final class RegistryRecords {

    private RegistryRecords() {
    }

    /** Applies the record to the projection as its registry topic delivers it: on its type's topic, keyed by its id. */
    public static RegistryChange feed(RegistryProjection projection, RegistryRecord record) {
        Envelope<?> envelope = Envelope.of("user-service", record);
        return projection.apply(envelope.topic(), record.id().toString(), envelope);
    }

    /** Applies the tombstone of an entity to the projection, as its registry topic delivers it. */
    public static RegistryChange feedTombstone(RegistryProjection projection, EventType<?> type, UUID id) {
        return projection.apply(type.topic(), id.toString(), Envelope.tombstone(type, "user-service", id.toString()));
    }

    public static OperatorRecord anOperator(UUID operatorId, String timeZone) {
        return new OperatorRecord(operatorId, 1, "Woonstichting De Linde",
                new Address("Lindelaan 12", "3581 AB", "Utrecht", "NL"), "NL001234567B01", "12345678",
                "NL91ABNA0417164300", "ABNANL2A", "facturen@delinde.example", timeZone, "EUR", "MONTHLY", 14, 14,
                "LINDE", false, List.of("RESIDENT", "EMPLOYEE", "GUEST"), null, null, false, List.of(), List.of(), null, null);
    }

    /**
     * The same operator at the next revision with these roaming choices: the operators its cards are
     * valid at, and the operators whose cards its chargers accept.
     */
    public static OperatorRecord withRoaming(OperatorRecord operator, List<UUID> cardsValidAt,
                                             List<UUID> acceptsCardsOf) {
        return new OperatorRecord(operator.id(), operator.revision() + 1, operator.legalName(), operator.address(),
                operator.vatNumber(), operator.chamberOfCommerceNumber(), operator.iban(), operator.bic(),
                operator.contactEmail(), operator.timeZone(), operator.currency(), operator.billingInterval(),
                operator.graceDays(), operator.paymentTermDays(), operator.invoiceNumberPrefix(),
                operator.acceptsUnknownChargers(), operator.userTypes(), operator.dunning(),
                operator.chargerEnrollmentKeyHash(), operator.issuesStatements(), cardsValidAt, acceptsCardsOf, null, null);
    }

    /** An enrollment key as user-service generates it: 32 random bytes in base64url, 43 characters. */
    public static String anEnrollmentKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An operator that accepts unknown chargers presenting this enrollment key. */
    public static OperatorRecord anOperatorEnrolling(UUID operatorId, String enrollmentKey) {
        OperatorRecord operator = anOperator(operatorId, "Europe/Amsterdam");
        return new OperatorRecord(operator.id(), operator.revision(), operator.legalName(), operator.address(),
                operator.vatNumber(), operator.chamberOfCommerceNumber(), operator.iban(), operator.bic(),
                operator.contactEmail(), operator.timeZone(), operator.currency(), operator.billingInterval(),
                operator.graceDays(), operator.paymentTermDays(), operator.invoiceNumberPrefix(), true,
                operator.userTypes(), operator.dunning(), sha256Hex(enrollmentKey),
                operator.issuesStatements(), operator.cardsValidAt(), operator.acceptsCardsOf(), null, null);
    }

    /** The operator one revision on with these charger settings (meter value interval, authorization policy). */
    public static OperatorRecord withChargerSettings(OperatorRecord o, ChargerSettings settings) {
        return new OperatorRecord(o.id(), o.revision() + 1, o.legalName(), o.address(), o.vatNumber(),
                o.chamberOfCommerceNumber(), o.iban(), o.bic(), o.contactEmail(), o.timeZone(), o.currency(),
                o.billingInterval(), o.graceDays(), o.paymentTermDays(), o.invoiceNumberPrefix(),
                o.acceptsUnknownChargers(), o.userTypes(), o.dunning(), o.chargerEnrollmentKeyHash(),
                o.issuesStatements(), o.cardsValidAt(), o.acceptsCardsOf(), o.language(), o.invoiceMail(),
                o.announcedChargePointIds(), o.enrollsAnnouncedOnly(), settings);
    }

    public static ChargerRecord aCharger(UUID operatorId, String chargePointId, String password) {
        return aCharger(operatorId, chargePointId, password, "ACTIVE");
    }

    /**
     * A charger with this password, stored as user-service stores it: a password of 32 characters or
     * more stands for a generated one (fast hash), a shorter one for a password a person chose (PBKDF2).
     */
    public static ChargerRecord aCharger(UUID operatorId, String chargePointId, String password, String status) {
        return aChargerWithHash(operatorId, chargePointId, password.length() >= 32
                ? OcppPasswordHash.hashGenerated(password) : OcppPasswordHash.hash(password), status);
    }

    /** A charger whose password the registry stores as this hash. */
    public static ChargerRecord aChargerWithHash(UUID operatorId, String chargePointId, String storedHash,
                                                 String status) {
        return new ChargerRecord(UUID.randomUUID(), 1, operatorId, UUID.randomUUID(), chargePointId, 2, null, null,
                null, storedHash, status, "ASSIGNED");
    }

    /** The same charger at the next revision, known by these aliases too (as user-service publishes them). */
    public static ChargerRecord withAliases(ChargerRecord charger, List<String> aliases) {
        return new ChargerRecord(charger.id(), charger.revision() + 1, charger.operatorId(), charger.siteId(),
                charger.chargePointId(), charger.connectorCount(), charger.vendor(), charger.model(),
                charger.firmwareVersion(), charger.ocppPasswordHash(), charger.status(), charger.ocppPasswordOrigin(),
                aliases);
    }

    /** A charger user-service registered from its enrollment: pending, its password the operator's key. */
    public static ChargerRecord aChargerOnTheKey(UUID operatorId, String chargePointId, String enrollmentKeyHash) {
        return new ChargerRecord(UUID.randomUUID(), 1, operatorId, null, chargePointId, 1, null, null, null,
                enrollmentKeyHash, "PENDING_APPROVAL", "ENROLLMENT_KEY");
    }

    /** The same charger at the next revision, with these changes (null keeps a value). */
    public static ChargerRecord revised(ChargerRecord charger, UUID operatorId, String ocppPasswordHash,
                                        String origin, String firmwareVersion) {
        return new ChargerRecord(charger.id(), charger.revision() + 1,
                operatorId != null ? operatorId : charger.operatorId(), charger.siteId(), charger.chargePointId(),
                charger.connectorCount(), charger.vendor(), charger.model(),
                firmwareVersion != null ? firmwareVersion : charger.firmwareVersion(),
                ocppPasswordHash != null ? ocppPasswordHash : charger.ocppPasswordHash(), charger.status(),
                origin != null ? origin : charger.ocppPasswordOrigin());
    }

    /** The same operator at the next revision, with these announced chargePointIds. */
    public static OperatorRecord withAnnouncements(OperatorRecord o, List<String> announced, boolean announcedOnly) {
        return new OperatorRecord(o.id(), o.revision() + 1, o.legalName(), o.address(), o.vatNumber(),
                o.chamberOfCommerceNumber(), o.iban(), o.bic(), o.contactEmail(), o.timeZone(), o.currency(),
                o.billingInterval(), o.graceDays(), o.paymentTermDays(), o.invoiceNumberPrefix(),
                o.acceptsUnknownChargers(), o.userTypes(), o.dunning(), o.chargerEnrollmentKeyHash(),
                o.issuesStatements(), o.cardsValidAt(), o.acceptsCardsOf(), o.language(), o.invoiceMail(), announced,
                announcedOnly);
    }

    /** The same charger at the next revision, with another status (an admin approved or decommissioned it). */
    public static ChargerRecord withStatus(ChargerRecord charger, String status) {
        return new ChargerRecord(charger.id(), charger.revision() + 1, charger.operatorId(), charger.siteId(),
                charger.chargePointId(), charger.connectorCount(), charger.vendor(), charger.model(),
                charger.firmwareVersion(), charger.ocppPasswordHash(), status, charger.ocppPasswordOrigin());
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
        private UUID driverId = UUID.randomUUID();

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

        public CardBuilder driverId(UUID driverId) {
            this.driverId = driverId;
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

    /** The lower-case hex SHA-256 user-service publishes as chargerEnrollmentKeyHash. */
    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
