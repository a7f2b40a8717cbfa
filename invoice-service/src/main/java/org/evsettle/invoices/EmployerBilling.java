package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.tariffs.PricePurpose;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.outbox.consumer.Dependency;
import org.evsettle.outbox.consumer.NotArrivedYet;

/**
 * Charging billed to the employer: a driver whose registry copy names an employer (another driver of the
 * same operator, a business customer) has their sessions put on the employer's invoice of the period, each
 * line naming the employee; the employer is the customer. The documents list such lines per employee.
 */
public final class EmployerBilling {

    private EmployerBilling() {
    }

    /** Who a priced session is invoiced to: the driver's employer when the driver is billed to one, else the driver. */
    public record Customer(UUID customerId, UUID employeeId, String employeeName) {
    }

    /**
     * The customer of a price. A driver billed to an employer of the price's operator is invoiced through the
     * employer; while the employer's copy has not arrived the price waits ({@link NotArrivedYet}), so it
     * cannot land on the employee's own invoice by mistake. A driver not known here yet is billed themselves.
     */
    static Customer customerOf(SessionPriced priced) {
        Optional<Driver> driver = Driver.findByIdOptional(priced.driverId());
        if (priced.purpose() != PricePurpose.CHARGE || driver.isEmpty() || driver.get().employerId == null
                || !Objects.equals(driver.get().operatorId, priced.operatorId())) {
            return new Customer(priced.driverId(), null, null);
        }
        Driver employee = driver.get();
        Driver employer = Driver.<Driver>findByIdOptional(employee.employerId).orElseThrow(() -> new NotArrivedYet(
                Dependency.registry(EventCatalog.DRIVER, employee.employerId), "Employer " + employee.employerId
                + " of driver " + employee.id + " (session " + priced.sessionId() + ") is not known here yet"));
        if (!Objects.equals(employer.operatorId, employee.operatorId)) {
            Log.warnf("Employer %s of driver %s belongs to another operator; the driver is billed themselves",
                    employer.id, employee.id);
            return new Customer(priced.driverId(), null, null);
        }
        return new Customer(employer.id, employee.id, employee.name);
    }

    /** Lines name their employee as the registry names them at issue; the issued document keeps that name. */
    static void nameEmployees(EntityManager entityManager, List<UUID> invoiceIds) {
        entityManager.createNativeQuery("""
                        UPDATE invoice_line l SET employee_name = d.name FROM driver d
                        WHERE l.employee_id = d.id AND l.invoice_id IN (?1) AND l.employee_name IS DISTINCT FROM d.name""")
                .setParameter(1, invoiceIds)
                .executeUpdate();
    }

    /** One employee's lines on an employer's document, and their net subtotal. */
    public record EmployeeLines(UUID employeeId, String employeeName, List<InvoiceLine> lines) {
        public BigDecimal netAmount() {
            return lines.stream().map(l -> l.netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Whether a document bills sessions of employees (an employer's invoice, or a credit note of one). */
    public static boolean billsEmployees(List<InvoiceLine> lines) {
        return lines.stream().anyMatch(l -> l.employeeId != null);
    }

    /**
     * A document's lines per employee, in the order of the employees' names, each in the order of the
     * document; lines of no employee (sessions of the employer's own cards) come first.
     */
    public static List<EmployeeLines> perEmployee(List<InvoiceLine> lines) {
        Map<UUID, List<InvoiceLine>> groups = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        List<InvoiceLine> own = new ArrayList<>();
        for (InvoiceLine line : lines) {
            if (line.employeeId == null) {
                own.add(line);
            } else {
                groups.computeIfAbsent(line.employeeId, id -> new ArrayList<>()).add(line);
                names.putIfAbsent(line.employeeId, line.employeeName);
            }
        }
        List<EmployeeLines> result = new ArrayList<>();
        if (!own.isEmpty()) {
            result.add(new EmployeeLines(null, null, own));
        }
        groups.entrySet().stream()
                .map(e -> new EmployeeLines(e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing((EmployeeLines g) -> g.employeeName() == null ? "" : g.employeeName(),
                        String.CASE_INSENSITIVE_ORDER).thenComparing(g -> g.employeeId().toString()))
                .forEach(result::add);
        return result;
    }

    /** The lines in the order the documents list them: per employee when the document bills employees. */
    public static List<InvoiceLine> inDocumentOrder(List<InvoiceLine> lines) {
        if (!billsEmployees(lines)) {
            return lines;
        }
        return perEmployee(lines).stream().flatMap(g -> g.lines().stream()).toList();
    }
}
