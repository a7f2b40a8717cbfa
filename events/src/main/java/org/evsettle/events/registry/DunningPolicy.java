package org.evsettle.events.registry;

/**
 * What happens to a driver who does not pay: when blockCards is on, the driver's cards are blocked
 * once an invoice is blockAfterDaysOverdue days past its due date, and unblocked when it is paid.
 */
public record DunningPolicy(boolean blockCards, int blockAfterDaysOverdue) {
}
