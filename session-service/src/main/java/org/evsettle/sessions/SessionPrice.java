package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.tariffs.PricePurpose;
import org.evsettle.events.tariffs.SessionPriced;

/**
 * The latest price of a session as tariff-service announced it (table {@code session_price}), shown
 * beside the energy: SessionPriced is revision 0, a SessionRepriced carries its own revision, and a
 * price of a lower revision than the stored one changes nothing. tariff-service owns prices.
 */
@Entity
@Table(name = "session_price")
public class SessionPrice extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    public int revision;
    public String currency;
    @Column(name = "net_amount")
    public BigDecimal netAmount;
    @Column(name = "vat_rate")
    public BigDecimal vatRate;
    @Column(name = "vat_amount")
    public BigDecimal vatAmount;
    @Column(name = "gross_amount")
    public BigDecimal grossAmount;
    @Column(name = "tariff_id")
    public UUID tariffId;
    @Column(name = "tariff_version")
    public Integer tariffVersion;
    /** What the price is for: CHARGE (invoiced), REIMBURSEMENT (paid back to a home charger's owner), NOT_BILLED. */
    @Enumerated(EnumType.STRING)
    public PricePurpose purpose = PricePurpose.CHARGE;
    @Column(name = "priced_at")
    public Instant pricedAt;

    /** Takes the price unless a later revision is stored; returns whether it did. */
    public static boolean take(SessionPriced price, int revision, Instant at) {
        SessionPrice stored = SessionPrice.<SessionPrice>findByIdOptional(price.sessionId()).orElse(null);
        if (stored != null && stored.revision > revision) {
            return false;
        }
        if (stored == null) {
            stored = new SessionPrice();
            stored.sessionId = price.sessionId();
        }
        stored.revision = revision;
        stored.currency = price.currency();
        stored.netAmount = price.netAmount();
        stored.vatRate = price.vatRate();
        stored.vatAmount = price.vatAmount();
        stored.grossAmount = price.grossAmount();
        stored.tariffId = price.tariffId();
        stored.tariffVersion = price.tariffVersion();
        stored.purpose = price.purpose();
        stored.pricedAt = at;
        stored.persist();
        return true;
    }

    public static Optional<SessionPrice> of(UUID sessionId) {
        return findByIdOptional(sessionId);
    }

    public static List<SessionPrice> ofSessions(Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of() : list("sessionId in ?1", sessionIds);
    }
}
