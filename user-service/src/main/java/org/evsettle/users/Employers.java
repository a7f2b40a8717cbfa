package org.evsettle.users;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Problem;

/**
 * Drivers whose charging is billed to their employer: another driver of the same operator, a business
 * customer (company name, and a VAT or registration number) that is billed itself (no chains), for drivers
 * of the operator's employerBilledUserTypes only. An employer stays a business customer, and is kept, while
 * it employs anyone.
 */
public final class Employers {

    private Employers() {
    }

    /**
     * What is wrong with an employer for a driver of that user type (empty when nothing is): employer is the
     * employerId's driver if it is the operator's (another operator's reads as no driver at all).
     */
    public static Optional<String> brokenRule(Operator operator, UUID driverId, String userType, UUID employerId,
                                              Optional<Driver> employer) {
        if (employerId.equals(driverId)) {
            return Optional.of("must be another driver than the driver itself");
        }
        Optional<Driver> own = employer.filter(d -> d.operatorId.equals(operator.id));
        if (own.isEmpty()) {
            return Optional.of("is not a driver of this operator");
        }
        if (!own.get().isBusinessCustomer()) {
            return Optional.of("must be a business customer (companyName, and a companyVatNumber or"
                    + " companyRegistrationNumber)");
        }
        if (own.get().employerId != null) {
            return Optional.of("is billed to an employer itself; an employer is billed itself");
        }
        List<String> billed = operator.employerBilledUserTypes();
        if (!billed.contains(userType)) {
            return Optional.of("is only for drivers of the user types " + billed + " (employerBilledUserTypes); this"
                    + " driver is " + userType);
        }
        return Optional.empty();
    }

    /**
     * 422 naming employerId when the driver's employer, as changed, breaks a rule, or the driver employs others.
     * The look-up comes before any query, so that nothing is flushed with a broken reference.
     */
    public static void require(Operator operator, Driver driver) {
        if (driver.employerId == null) {
            return;
        }
        Optional<String> broken = brokenRule(operator, driver.id, driver.userType, driver.employerId,
                Optional.ofNullable(Driver.getEntityManager().find(Driver.class, driver.employerId)));
        if (broken.isEmpty()) {
            long employees = employeesOf(driver);
            if (employees > 0) {
                broken = Optional.of("cannot be set: this driver is the employer of " + employees + " driver(s)");
            }
        }
        broken.ifPresent(rule -> {
            throw DomainException.unprocessable("The driver's employer cannot be accepted",
                    List.of(new Problem.Violation("employerId", rule)));
        });
    }

    /** 409 while the driver employs anyone: they must stay a business customer. */
    public static void requireStillBusinessCustomer(Driver driver) {
        if (!driver.isBusinessCustomer()) {
            long employees = employeesOf(driver);
            if (employees > 0) {
                throw DomainException.conflict("Driver " + driver.id + " is the employer of " + employees
                        + " driver(s) and must stay a business customer (companyName, and a companyVatNumber or"
                        + " companyRegistrationNumber); give them another employer first");
            }
        }
    }

    /** 409 while the driver employs anyone: their invoices need the employer. */
    public static void requireNoEmployees(Driver driver) {
        long employees = employeesOf(driver);
        if (employees > 0) {
            throw DomainException.conflict("Driver " + driver.id + " is the employer of " + employees
                    + " driver(s); give them another employer, or none, before erasing it");
        }
    }

    /** The drivers billed to this one (erased ones no longer count). */
    public static long employeesOf(Driver driver) {
        return Driver.count("employerId = ?1 and status <> ?2", driver.id, Driver.Status.ERASED.name());
    }
}
