package org.evsettle.users;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.evsettle.kit.api.DomainException;
import org.evsettle.outbox.audit.AuditTrail;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * Erases a driver's personal data at their request (GDPR art. 17): the name becomes a pseudonym, the
 * e-mail a placeholder that is never published, the address, company details, mandate, language and
 * account link go, and every card is blocked for good with its label cleared. The ERASED record is
 * published, so that each service erases its own copies; issued invoices keep what the law requires
 * until their retention ends (invoice-service). The audit entries of the driver and their cards keep
 * who changed which field when, with the values erased; the payout IBAN goes too. The employer a driver was
 * billed to stays (it names a company, not the person: the last sessions are still the company's). Refused while
 * the driver has an overdue invoice (the operator still needs to whom and where to send the claim), while they
 * own a HOME site (its address is their home) and while they are the employer of drivers who are not erased.
 * Erasing again changes nothing.
 */
@ApplicationScoped
public class DriverErasure {

    /** The name an erased driver goes by: not a person's, and still telling drivers apart. */
    static final String PSEUDONYM = "Erased driver ";

    private final RegistryPublisher registry;
    private final CardBlocking cardBlocking;
    private final AuditTrail audit;
    private final Clock clock;

    public DriverErasure(RegistryPublisher registry, CardBlocking cardBlocking, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.cardBlocking = cardBlocking;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Driver erase(Driver driver) {
        if (driver.isErased()) {
            return driver;
        }
        List<DunningInvoice> unpaid = DunningInvoice.list("driverId = ?1 and paidOn is null order by dueDate, number",
                driver.id);
        if (!unpaid.isEmpty()) {
            throw DomainException.conflict("Driver " + driver.id + " has " + unpaid.size() + " overdue invoice(s), "
                    + unpaid.get(0).number + " first; collect or write them off before erasing the driver");
        }
        HomeSites.requireNoneOwned(driver);
        Employers.requireNoEmployees(driver);
        driver.name = PSEUDONYM + driver.id.toString().substring(0, 8);
        // a placeholder keeps the e-mail column's uniqueness and order; it is never shown or published
        driver.email = "erased-" + driver.id + "@erased.invalid";
        driver.billingAddress = null;
        driver.companyName = null;
        driver.companyVatNumber = null;
        driver.companyRegistrationNumber = null;
        driver.sepaMandate = null;
        driver.payoutIban = null;
        driver.language = null;
        driver.accountId = null;
        driver.status = Driver.Status.ERASED.name();
        driver.erasedAt = clock.instant();
        registry.changed(driver);
        List<Card> cards = Card.list("driverId", driver.id);
        for (Card card : cards) {
            // a label may name the person ("Anna's Tesla"); a lost card stays lost
            boolean changed = card.label != null;
            card.label = null;
            if (!card.is(Card.Status.LOST)) {
                cardBlocking.settle(card, driver);
                changed = true;
            }
            if (changed) {
                registry.changed(card);
            }
        }
        // the audit trail keeps who changed what and when, no longer the person's values
        audit.erasePersonalValues("Driver", driver.id);
        cards.forEach(card -> audit.erasePersonalValues("Card", card.id));
        audit.record(driver.operatorId, "Driver", driver.id, "ERASED", null, null);
        Log.infof("Driver %s of operator %s erased; %d cards blocked", driver.id, driver.operatorId, cards.size());
        return driver;
    }
}
