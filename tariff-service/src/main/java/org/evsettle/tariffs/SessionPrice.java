package org.evsettle.tariffs;

import org.evsettle.events.tariffs.PricePurpose;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionSnapshot;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

/**
 * The price of a session, kept as it was last announced. The session id is the key, so a session is
 * priced once however often its completion is delivered; revision is that of the session correction
 * it prices (0 for the completion), and a correction replaces it with a new price.
 */
@Entity
@Table(name = "session_price")
public class SessionPrice extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    public int revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "user_type")
    public String userType;
    @Column(name = "charge_point_id")
    public String chargePointId;
    @Column(name = "transaction_id")
    public int transactionId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "charger_id")
    public UUID chargerId;
    @Column(name = "card_id")
    public UUID cardId;
    @Column(name = "id_tag")
    public String idTag;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "energy_wh")
    public long energyWh;
    @Column(name = "tariff_id")
    public UUID tariffId;
    @Column(name = "tariff_version")
    public int tariffVersion;
    public String currency;
    // why: the lines are replaced, never changed in place, so Hibernate need not copy them through JSON
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<PriceLine> lines = List.of();
    @Column(name = "net_amount")
    public BigDecimal netAmount;
    @Column(name = "vat_rate")
    public BigDecimal vatRate;
    @Column(name = "vat_amount")
    public BigDecimal vatAmount;
    @Column(name = "gross_amount")
    public BigDecimal grossAmount;
    @Column(name = "priced_at")
    public Instant pricedAt;
    /** CHARGE, REIMBURSEMENT or NOT_BILLED ({@link PricePurpose}). */
    public String purpose = PricePurpose.CHARGE.name();
    /** The reimbursement rate's cap per employee per month, carried for invoice-service; null: none. */
    @Column(name = "monthly_cap")
    public BigDecimal monthlyCap;

    public static SessionPrice of(SessionCompleted session, int revision, TariffVersion version, Price price) {
        SessionPrice p = new SessionPrice();
        p.sessionId = session.sessionId();
        p.update(session, revision, version, price);
        return p;
    }

    /** Takes over a corrected session and its new price. */
    public void update(SessionCompleted session, int newRevision, TariffVersion version, Price price) {
        SessionSnapshot who = session.snapshot();
        SessionPrice p = this;
        p.revision = newRevision;
        p.sessionId = session.sessionId();
        p.operatorId = who.operatorId();
        p.driverId = who.driverId();
        p.userType = who.userType();
        p.chargePointId = session.chargePointId();
        p.transactionId = session.transactionId();
        p.siteId = who.siteId();
        p.chargerId = who.chargerId();
        p.cardId = who.cardId();
        p.idTag = who.idTag();
        p.startedAt = session.startedAt();
        p.stoppedAt = session.stoppedAt();
        p.energyWh = session.energyWh();
        p.tariffId = version == null ? null : version.tariff.id;
        p.tariffVersion = version == null ? 0 : version.version;
        p.purpose = version == null ? PricePurpose.NOT_BILLED.name() : version.tariff.purpose;
        p.monthlyCap = version == null ? null : version.monthlyCap;
        p.currency = price.currency();
        p.lines = price.lines();
        p.netAmount = price.netAmount();
        p.vatRate = price.vatRate();
        p.vatAmount = price.vatAmount();
        p.grossAmount = price.grossAmount();
        p.pricedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public SessionPriced toEvent() {
        return new SessionPriced(sessionId, operatorId, driverId,
                new PricedSession(chargePointId, transactionId, siteId, chargerId, cardId, idTag, startedAt, stoppedAt,
                        energyWh),
                tariffId, tariffVersion, currency, List.copyOf(lines), netAmount, vatRate, vatAmount, grossAmount,
                PricePurpose.valueOf(purpose), monthlyCap);
    }
}
