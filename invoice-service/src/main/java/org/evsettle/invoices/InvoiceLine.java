package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;

/** One priced charging session on an invoice; a session is billed on one line only. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends PanacheEntityBase {

    private static final DateTimeFormatter LOCAL_START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invoice_id")
    public Invoice invoice;
    @Column(name = "session_id")
    public UUID sessionId;
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
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "energy_wh")
    public long energyWh;
    public String description;
    @Column(name = "tariff_id")
    public UUID tariffId;
    @Column(name = "tariff_version")
    public int tariffVersion;
    @Column(name = "net_amount")
    public BigDecimal netAmount;
    @Column(name = "vat_rate")
    public BigDecimal vatRate;
    @Column(name = "gross_amount")
    public BigDecimal grossAmount;

    @ElementCollection
    @CollectionTable(name = "invoice_line_component", joinColumns = @JoinColumn(name = "invoice_line_id"))
    @OrderColumn(name = "position")
    public List<PriceComponent> components = new ArrayList<>();

    /** The line of a priced session; its description reads the start in the operator's zone. */
    public static InvoiceLine of(SessionPriced priced, ZoneId zone) {
        PricedSession session = priced.session();
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.sessionId = priced.sessionId();
        line.chargePointId = session.chargePointId();
        line.transactionId = session.transactionId();
        line.siteId = session.siteId();
        line.chargerId = session.chargerId();
        line.cardId = session.cardId();
        line.startedAt = session.startedAt();
        line.stoppedAt = session.stoppedAt();
        line.energyWh = session.energyWh();
        line.tariffId = priced.tariffId();
        line.tariffVersion = priced.tariffVersion();
        line.netAmount = InvoiceTotals.cents(priced.netAmount());
        line.vatRate = InvoiceTotals.rate(priced.vatRate());
        line.grossAmount = InvoiceTotals.cents(priced.grossAmount());
        priced.lines().stream().map(PriceComponent::of).forEach(line.components::add);
        line.description = "Charging at " + session.chargePointId() + ", "
                + session.startedAt().atZone(zone).format(LOCAL_START) + ", " + energyKwh(session.energyWh()) + " kWh";
        return line;
    }

    /** Is this session on an invoice already? */
    public static boolean billed(UUID sessionId) {
        return count("sessionId", sessionId) > 0;
    }

    /** Energy in kWh with 3 decimals, exactly (Wh are thousandths of a kWh). */
    public static BigDecimal energyKwh(long energyWh) {
        return BigDecimal.valueOf(energyWh, 3);
    }

    public BigDecimal energyKwh() {
        return energyKwh(energyWh);
    }

    InvoiceTotals.Line amounts() {
        return new InvoiceTotals.Line(netAmount, vatRate);
    }
}
