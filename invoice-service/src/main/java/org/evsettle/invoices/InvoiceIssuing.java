package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.evsettle.events.invoices.InvoiceEvent;
import org.evsettle.invoices.InvoiceNumberSeries.Series;
import org.evsettle.invoices.mail.DocumentMails;
import org.evsettle.invoices.messaging.InvoicePublisher;

/**
 * Issues open invoices, a chunk per transaction: each with something to pay becomes an invoice with the
 * next number of the operator's series, an issue and due date, a payment reference and the parties as
 * they are today; each with nothing to pay is closed, as a numbered statement if the operator wants
 * statements. The numbers, the documents, the run's counts and the events commit together.
 */
@ApplicationScoped
public class InvoiceIssuing {

    private final EntityManager entityManager;
    private final InvoiceNumberSeries numbers;
    private final InvoicePublisher publisher;
    private final DocumentMails mails;

    public InvoiceIssuing(EntityManager entityManager, InvoiceNumberSeries numbers, InvoicePublisher publisher,
                          DocumentMails mails) {
        this.entityManager = entityManager;
        this.numbers = numbers;
        this.publisher = publisher;
        this.mails = mails;
    }

    /**
     * Issues up to size open invoices of the operator whose period ends on or before through, in the
     * order of period and customer name; returns how many it took (0 when none is left). Invoices that
     * another run holds are skipped, not waited for: concurrent runs share the work.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int issueChunk(UUID runId, UUID operatorId, LocalDate through, Instant now, int size) {
        Operator operator = Operator.findById(operatorId);
        if (operator == null) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object> picked = entityManager.createNativeQuery("""
                        SELECT i.id FROM invoice i JOIN driver d ON d.id = i.driver_id
                        WHERE i.operator_id = ?1 AND i.status = 'OPEN' AND i.period_end <= ?2
                        ORDER BY i.period_start, i.currency, d.name, i.id
                        LIMIT ?3
                        FOR UPDATE OF i SKIP LOCKED""")
                .setParameter(1, operatorId)
                .setParameter(2, Date.valueOf(through))
                .setParameter(3, size)
                .getResultList();
        if (picked.isEmpty()) {
            return 0;
        }
        List<UUID> ids = picked.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
        Map<UUID, Integer> order = new HashMap<>();
        ids.forEach(id -> order.put(id, order.size()));
        List<Invoice> invoices = new ArrayList<>(Invoice.<Invoice>list("id in ?1", ids));
        invoices.sort(Comparator.comparing(i -> order.get(i.id)));
        Map<UUID, Driver> drivers = Driver.<Driver>list("id in ?1", invoices.stream().map(i -> i.driverId).toList())
                .stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        nameSites(ids);
        EmployerBilling.nameEmployees(entityManager, ids);

        LocalDate today = operator.today(now);
        int year = today.getYear();
        SupplierDetails supplier = SupplierDetails.of(operator);
        String country = operator.address == null ? null : operator.address.countryCode;
        List<Invoice> reimbursements = invoices.stream().filter(i -> i.kind == DocumentKind.REIMBURSEMENT).toList();
        List<Invoice> payable = invoices.stream()
                .filter(i -> i.kind != DocumentKind.REIMBURSEMENT && i.grossAmount.signum() != 0).toList();
        List<Invoice> nothingToPay = invoices.stream()
                .filter(i -> i.kind != DocumentKind.REIMBURSEMENT && i.grossAmount.signum() == 0).toList();
        if (!reimbursements.isEmpty()) {
            long sequence = numbers.take(operatorId, Series.REIMBURSEMENT, year, reimbursements.size());
            for (Invoice statement : reimbursements) {
                String number = InvoiceNumberSeries.format(operator.numberPrefix(), Series.REIMBURSEMENT, year,
                        sequence++);
                statement.issue(new Invoice.Issue(number, today, null, now, null, PaymentMethod.TRANSFER, supplier,
                        CustomerDetails.of(drivers.get(statement.driverId), operator), runId));
            }
        }

        String firstNumber = null;
        String lastNumber = null;
        BigDecimal gross = InvoiceTotals.ZERO;
        if (!payable.isEmpty()) {
            long sequence = numbers.take(operatorId, Series.INVOICE, year, payable.size());
            for (Invoice invoice : payable) {
                Driver driver = drivers.get(invoice.driverId);
                String number = InvoiceNumberSeries.format(operator.numberPrefix(), Series.INVOICE, year, sequence);
                PaymentMethod method = driver.mandate().isPresent() && "EUR".equals(invoice.currency)
                        ? PaymentMethod.DIRECT_DEBIT : PaymentMethod.TRANSFER;
                invoice.issue(new Invoice.Issue(number, today, today.plusDays(operator.paymentTermDays), now,
                        PaymentReference.forInvoice(country, year, sequence).value(), method, supplier, CustomerDetails.of(driver, operator), runId));
                firstNumber = firstNumber == null ? number : firstNumber;
                lastNumber = number;
                gross = gross.add(invoice.grossAmount);
                sequence++;
            }
        }
        int statements = 0;
        if (!nothingToPay.isEmpty()) {
            long sequence = operator.issuesStatements
                    ? numbers.take(operatorId, Series.STATEMENT, year, nothingToPay.size()) : 0;
            for (Invoice invoice : nothingToPay) {
                String number = operator.issuesStatements
                        ? InvoiceNumberSeries.format(operator.numberPrefix(), Series.STATEMENT, year, sequence++) : null;
                invoice.closeAsStatement(number, today, now, supplier, CustomerDetails.of(drivers.get(invoice.driverId), operator),
                        runId);
                statements += number == null ? 0 : 1;
            }
        }
        // the mail of each issued document is queued with it: issued once, mailed once
        mails.queueIssued(invoices.stream().filter(i -> i.number != null).toList(), operator);
        entityManager.flush();
        List<InvoiceEvent> events = new ArrayList<>();
        invoices.forEach(invoice -> events.add(invoice.toEvent()));
        payable.forEach(invoice -> events.add(invoice.toIssuedEvent()));
        // the chunk is written: every outbox insert would otherwise check all its documents for changes again
        entityManager.clear();
        publisher.publishAll(events);
        count(runId, payable.size(), statements + reimbursements.size(), nothingToPay.size() - statements, gross, firstNumber, lastNumber);
        Log.debugf("Issued %d invoices (%s to %s) and closed %d periods with nothing to pay for operator %s",
                payable.size(), firstNumber, lastNumber, nothingToPay.size(), operatorId);
        return invoices.size();
    }

    /** Lines name their site as the registry names it at issue; the issued document keeps that name. */
    private void nameSites(List<UUID> invoiceIds) {
        entityManager.createNativeQuery("""
                        UPDATE invoice_line l SET site_name = s.name FROM site s
                        WHERE l.site_id = s.id AND l.invoice_id IN (?1) AND l.site_name IS DISTINCT FROM s.name""")
                .setParameter(1, invoiceIds)
                .executeUpdate();
    }

    private void count(UUID runId, int invoices, int statements, int closed, BigDecimal gross, String first, String last) {
        entityManager.createNativeQuery("""
                        UPDATE billing_run SET invoices_issued = invoices_issued + ?2, statements_issued = statements_issued + ?3,
                            closed_unbilled = closed_unbilled + ?4, gross_amount = gross_amount + ?5,
                            first_number = COALESCE(first_number, NULLIF(?6, '')),
                            last_number = COALESCE(NULLIF(?7, ''), last_number)
                        WHERE id = ?1""")
                .setParameter(1, runId)
                .setParameter(2, invoices)
                .setParameter(3, statements)
                .setParameter(4, closed)
                .setParameter(5, gross)
                .setParameter(6, first == null ? "" : first)
                .setParameter(7, last == null ? "" : last)
                .executeUpdate();
    }
}
