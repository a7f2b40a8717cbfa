package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;

/**
 * One charging session on a document. A CHARGE line bills the session at one price revision of the
 * tariff service; a CREDIT line on a credit note cancels a charge line of an issued invoice, which is
 * then marked credited. A session is charged once per price revision.
 */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends PanacheEntityBase {

    /** What a line does. */
    public enum Kind {
        CHARGE, CREDIT,
        /** On a reimbursement statement: the monthly cap, or the reversal of a session paid out at an older price. */
        ADJUSTMENT
    }

    private static final DateTimeFormatter LOCAL_START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invoice_id")
    public Invoice invoice;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "price_revision")
    public int priceRevision;
    public boolean credited;
    @Column(name = "credits_line_id")
    public UUID creditsLineId;
    @Column(name = "charge_point_id")
    public String chargePointId;
    @Column(name = "transaction_id")
    public int transactionId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "site_name")
    public String siteName;
    @Column(name = "charger_id")
    public UUID chargerId;
    @Column(name = "card_id")
    public UUID cardId;
    /** On an employer's invoice: the employee who charged, and their name (as the registry names them at issue). */
    @Column(name = "employee_id")
    public UUID employeeId;
    @Column(name = "employee_name")
    public String employeeName;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "energy_wh")
    public long energyWh;
    public String description;
    /** Why a line is where it is, when that is not obvious (a late session, a corrected price). */
    public String note;
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
    /** A reimbursement's cap per employee per calendar month, as its price carried it; null: none. */
    @Column(name = "monthly_cap")
    public BigDecimal monthlyCap;

    @ElementCollection
    @CollectionTable(name = "invoice_line_component", joinColumns = @JoinColumn(name = "invoice_line_id"))
    @OrderColumn(name = "position")
    public List<PriceComponent> components = new ArrayList<>();

    /** The charge line of a priced session; its description reads the start in the operator's zone. */
    public static InvoiceLine of(SessionPriced priced, int priceRevision, ZoneId zone) {
        PricedSession session = priced.session();
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.kind = Kind.CHARGE;
        line.sessionId = priced.sessionId();
        line.priceRevision = priceRevision;
        line.chargePointId = session.chargePointId();
        line.transactionId = session.transactionId();
        line.siteId = session.siteId();
        line.siteName = Optional.ofNullable(session.siteId()).flatMap(id -> Site.<Site>findByIdOptional(id))
                .map(site -> site.name).orElse(null);
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
        line.monthlyCap = priced.monthlyCap();
        priced.lines().stream().map(PriceComponent::of).forEach(line.components::add);
        line.description = "Charging at " + session.chargePointId() + ", "
                + session.startedAt().atZone(zone).format(LOCAL_START) + ", " + energyKwh(session.energyWh()) + " kWh";
        return line;
    }

    /** The credit line that cancels this charge line on a credit note: the same session and amounts. */
    public InvoiceLine credit() {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.kind = Kind.CREDIT;
        line.sessionId = sessionId;
        line.priceRevision = priceRevision;
        line.creditsLineId = id;
        line.chargePointId = chargePointId;
        line.transactionId = transactionId;
        line.siteId = siteId;
        line.siteName = siteName;
        line.chargerId = chargerId;
        line.cardId = cardId;
        line.employeeId = employeeId;
        line.employeeName = employeeName;
        line.startedAt = startedAt;
        line.stoppedAt = stoppedAt;
        line.energyWh = energyWh;
        line.description = description;
        line.tariffId = tariffId;
        line.tariffVersion = tariffVersion;
        line.netAmount = netAmount;
        line.vatRate = vatRate;
        line.grossAmount = grossAmount;
        components.stream().map(PriceComponent::copy).forEach(line.components::add);
        return line;
    }

    /** An adjustment line of a reimbursement statement: an amount without VAT, described. */
    public static InvoiceLine adjustment(UUID sessionId, Instant at, String description, String note, BigDecimal gross) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.kind = Kind.ADJUSTMENT;
        line.sessionId = sessionId;
        line.chargePointId = "";
        line.startedAt = at;
        line.stoppedAt = at;
        line.description = description;
        line.note = note;
        line.netAmount = InvoiceTotals.cents(gross);
        line.vatRate = InvoiceTotals.rate(BigDecimal.ZERO);
        line.grossAmount = InvoiceTotals.cents(gross);
        return line;
    }

    /** The session's latest charge line (the highest price revision), wherever it is. */
    public static Optional<InvoiceLine> latestCharge(UUID sessionId) {
        return find("sessionId = ?1 and kind = ?2 order by priceRevision desc", sessionId, Kind.CHARGE)
                .firstResultOptional();
    }

    /** Energy in kWh with 3 decimals, exactly (Wh are thousandths of a kWh). */
    public static BigDecimal energyKwh(long energyWh) {
        return BigDecimal.valueOf(energyWh, 3);
    }

    public BigDecimal energyKwh() {
        return energyKwh(energyWh);
    }

    /** The date the session started on, in the zone the reader lives in. */
    public LocalDate startDate(ZoneId zone) {
        return LocalDate.ofInstant(startedAt, zone);
    }

    InvoiceTotals.Line amounts() {
        return new InvoiceTotals.Line(netAmount, vatRate);
    }
}
