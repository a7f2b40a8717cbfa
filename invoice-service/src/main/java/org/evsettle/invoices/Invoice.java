package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.invoices.InvoiceUpdated;

/**
 * The invoice of one driver for one billing period: the aggregate that gathers the period's priced
 * sessions as lines and keeps its totals by the rule of {@link InvoiceTotals}. revision rises with
 * every change (and guards against two writers changing it at once).
 */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    @Id
    public UUID id;
    @Version
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Enumerated(EnumType.STRING)
    public InvoiceStatus status;
    public String number;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    public String currency;
    @Column(name = "line_count")
    public int lineCount;
    @Column(name = "net_amount")
    public BigDecimal netAmount;
    @Column(name = "vat_amount")
    public BigDecimal vatAmount;
    @Column(name = "gross_amount")
    public BigDecimal grossAmount;
    @Column(name = "created_at")
    public Instant createdAt;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("startedAt, sessionId")
    public List<InvoiceLine> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "invoice_vat_subtotal", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderColumn(name = "position")
    public List<VatSubtotal> vatBreakdown = new ArrayList<>();

    /** A new, empty OPEN invoice; the caller persists it. */
    public static Invoice open(UUID operatorId, UUID driverId, BillingPeriod period, String currency) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.operatorId = operatorId;
        invoice.driverId = driverId;
        invoice.status = InvoiceStatus.OPEN;
        invoice.periodStart = period.start();
        invoice.periodEnd = period.end();
        invoice.currency = currency;
        invoice.createdAt = Instant.now();
        invoice.recompute();
        return invoice;
    }

    /** The OPEN invoice of this driver for this period and currency, if there is one. */
    public static Optional<Invoice> findOpen(UUID operatorId, UUID driverId, BillingPeriod period, String currency) {
        return find("operatorId = ?1 and driverId = ?2 and periodStart = ?3 and periodEnd = ?4 and currency = ?5"
                        + " and status = ?6",
                operatorId, driverId, period.start(), period.end(), currency, InvoiceStatus.OPEN)
                .firstResultOptional();
    }

    /** Adds a session's line and recomputes the totals; only an OPEN invoice takes lines. */
    public void add(InvoiceLine line) {
        if (status != InvoiceStatus.OPEN) {
            throw new IllegalStateException("Invoice " + id + " is " + status + " and takes no more lines");
        }
        line.invoice = this;
        lines.add(line);
        recompute();
    }

    public InvoiceUpdated toEvent() {
        return new InvoiceUpdated(id, revision, operatorId, driverId, status.name(), number, periodStart, periodEnd,
                currency, lineCount, netAmount, vatAmount, grossAmount);
    }

    private void recompute() {
        InvoiceTotals totals = InvoiceTotals.of(lines.stream().map(InvoiceLine::amounts).toList());
        lineCount = lines.size();
        netAmount = totals.netAmount();
        vatAmount = totals.vatAmount();
        grossAmount = totals.grossAmount();
        vatBreakdown.clear();
        totals.byRate().stream().map(VatSubtotal::of).forEach(vatBreakdown::add);
    }
}
