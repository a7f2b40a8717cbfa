package org.evsettle.users;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * The one place that blocks and unblocks cards for reasons other than an admin's decision: an
 * overdue invoice under the operator's dunning policy, and an inactive driver. Each block remembers
 * its cause, so that payment lifts only the blocks of that invoice, and a card an admin blocked or a
 * driver reported lost stays as it is. Every card it changes is published, and counted
 * ({@code evsettle_cards_blocked_total}, {@code evsettle_cards_released_total}, by cause).
 */
@ApplicationScoped
public class CardBlocking {

    private final RegistryPublisher registry;
    private final MeterRegistry meters;

    public CardBlocking(RegistryPublisher registry, MeterRegistry meters) {
        this.registry = registry;
        this.meters = meters;
    }

    /** What should block the driver's cards now, if anything: inactivity first, then the oldest overdue invoice. */
    public Optional<CardBlock> automaticBlock(Driver driver) {
        if (driver.isErased()) {
            return Optional.of(CardBlock.erasedDriver());
        }
        if (!driver.isActive()) {
            return Optional.of(CardBlock.inactiveDriver());
        }
        return DunningInvoice.blockingCardsOf(driver.id).map(CardBlock::overdue);
    }

    /** The status a card starts with (or returns to after renewal): blocked when the driver's cards are. */
    public void settle(Card card, Driver driver) {
        automaticBlock(driver).ifPresentOrElse(card::block, card::activate);
    }

    /** The invoice now blocks cards: every ACTIVE card of its driver is blocked with the invoice as reason. */
    public void invoiceBlocks(DunningInvoice invoice) {
        List<Card> active = Card.ofDriver(invoice.driverId, Card.Status.ACTIVE);
        CardBlock block = CardBlock.overdue(invoice);
        for (Card card : active) {
            card.block(block);
            registry.changed(card);
        }
        count("evsettle_cards_blocked_total", CardBlock.Cause.OVERDUE_INVOICE, active.size());
        Log.debugf("Invoice %s is %d days overdue: blocked %d cards of driver %s", invoice.number, invoice.daysOverdue,
                active.size(), invoice.driverId);
    }

    /**
     * The invoice no longer blocks (it was paid): the cards it blocked become ACTIVE again, unless
     * another overdue invoice or the driver's inactivity still blocks them.
     */
    public void invoiceCleared(DunningInvoice invoice, Driver driver) {
        List<Card> blocked = Card.blockedForInvoice(invoice.invoiceId);
        for (Card card : blocked) {
            settle(card, driver);
            registry.changed(card);
        }
        count("evsettle_cards_released_total", CardBlock.Cause.OVERDUE_INVOICE, blocked.size());
        Log.debugf("Invoice %s no longer blocks cards: released %d cards of driver %s", invoice.number, blocked.size(),
                driver.id);
    }

    /** A driver became inactive or active again: block their ACTIVE cards, or lift what inactivity blocked. */
    public void driverStatusChanged(Driver driver) {
        List<Card> affected = driver.isActive()
                ? Card.blockedFor(driver.id, CardBlock.Cause.INACTIVE_DRIVER)
                : Card.ofDriver(driver.id, Card.Status.ACTIVE);
        for (Card card : affected) {
            settle(card, driver);
            registry.changed(card);
        }
        count(driver.isActive() ? "evsettle_cards_released_total" : "evsettle_cards_blocked_total",
                CardBlock.Cause.INACTIVE_DRIVER, affected.size());
    }

    private void count(String name, CardBlock.Cause cause, int cards) {
        if (cards > 0) {
            Counter.builder(name).description("Cards blocked or released automatically, by cause")
                    .tag("cause", cause.name()).register(meters).increment(cards);
        }
    }
}
