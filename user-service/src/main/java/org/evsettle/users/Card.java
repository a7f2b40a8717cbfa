package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;

/**
 * A charge card (RFID) of a driver; its idTag is stored in the normal form of {@code IdTags}. Its
 * status says whether it authorizes charging; a blocked card remembers why ({@link CardBlock}).
 */
@Entity
@Table(name = "card")
public class Card extends PanacheEntityBase implements RegistryEntity {

    /** Whether the card authorizes charging, and if not, why not. */
    public enum Status { ACTIVE, BLOCKED, LOST, EXPIRED }

    private static final Keyset LISTED = Keyset.of(Keyset.ascending("idTag", String.class),
            Keyset.ascending("id", UUID.class));

    @Id
    public UUID id;
    @Version
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "id_tag")
    public String idTag;
    public String label;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "block_cause")
    public String blockCause;
    @Column(name = "blocking_invoice_id")
    public UUID blockingInvoiceId;
    @Column(name = "valid_until")
    public LocalDate validUntil;

    public static Optional<Card> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** A page of cards by idTag, then id: of an operator, of one of its drivers, of one status (null: any). */
    public static Page<Card> page(UUID operatorId, UUID driverId, Status status, PageRequest request) {
        return RegistryList.of(Card.class, LISTED, c -> List.of(c.idTag, c.id)).where("operatorId", operatorId)
                .where("driverId", driverId).where("status", status == null ? null : status.name()).page(request);
    }

    public static List<Card> ofDriver(UUID driverId, Status status) {
        return list("driverId = ?1 and status = ?2", Sort.by("idTag"), driverId, status.name());
    }

    public static List<Card> blockedFor(UUID driverId, CardBlock.Cause cause) {
        return list("driverId = ?1 and status = ?2 and blockCause = ?3", Sort.by("idTag"), driverId,
                Status.BLOCKED.name(), cause.name());
    }

    public static List<Card> blockedForInvoice(UUID invoiceId) {
        return list("blockingInvoiceId = ?1 and status = ?2", Sort.by("idTag"), invoiceId, Status.BLOCKED.name());
    }

    public boolean is(Status wanted) {
        return wanted.name().equals(status);
    }

    public boolean isBlockedBy(CardBlock.Cause cause) {
        return is(Status.BLOCKED) && cause.name().equals(blockCause);
    }

    public void activate() {
        setStatus(Status.ACTIVE, null);
    }

    public void block(CardBlock block) {
        setStatus(Status.BLOCKED, block.reason());
        blockCause = block.cause().name();
        blockingInvoiceId = block.invoiceId();
    }

    /** Stops the card at once; a card reported lost never authorizes again. */
    public void reportLost(String reason) {
        if (is(Status.LOST)) {
            throw DomainException.conflict("Card " + idTag + " is already reported lost");
        }
        setStatus(Status.LOST, reason);
    }

    public void expire() {
        setStatus(Status.EXPIRED, "valid until " + validUntil);
    }

    /** False once the operator's date is past validUntil (which is inclusive). */
    public boolean isValidOn(LocalDate date) {
        return validUntil == null || !validUntil.isBefore(date);
    }

    private void setStatus(Status status, String reason) {
        this.status = status.name();
        this.statusReason = reason;
        this.blockCause = null;
        this.blockingInvoiceId = null;
    }

    @Override
    public CardRecord toRecord() {
        return new CardRecord(id, revision, operatorId, driverId, idTag, label, status, statusReason, validUntil);
    }
}
