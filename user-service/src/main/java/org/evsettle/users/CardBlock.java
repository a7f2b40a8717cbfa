package org.evsettle.users;

import java.util.UUID;

/**
 * Why a card is blocked, which decides what lifts the block: an admin's block only an admin, an
 * overdue invoice's block the payment of that invoice, an inactive driver's block reactivating them;
 * an erased driver's block nothing.
 */
public record CardBlock(Cause cause, UUID invoiceId, String reason) {

    /** Who or what blocked the card. */
    public enum Cause { ADMIN, OVERDUE_INVOICE, INACTIVE_DRIVER, ERASED_DRIVER }

    public static CardBlock byAdmin(String reason) {
        return new CardBlock(Cause.ADMIN, null, reason == null || reason.isBlank() ? "blocked by an administrator"
                : reason.trim());
    }

    public static CardBlock overdue(DunningInvoice invoice) {
        return new CardBlock(Cause.OVERDUE_INVOICE, invoice.invoiceId, "invoice " + invoice.number + " overdue");
    }

    public static CardBlock inactiveDriver() {
        return new CardBlock(Cause.INACTIVE_DRIVER, null, "driver is inactive");
    }

    public static CardBlock erasedDriver() {
        return new CardBlock(Cause.ERASED_DRIVER, null, "driver is erased");
    }
}
