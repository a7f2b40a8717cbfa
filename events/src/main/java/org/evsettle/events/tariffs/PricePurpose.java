package org.evsettle.events.tariffs;

/**
 * What a session's price is for: CHARGE, what the driver (or their employer) owes the operator; REIMBURSEMENT,
 * what the operator pays back to an employee who charged at their own home charger; NOT_BILLED, a session
 * at an employee's home charger by someone else (a partner, a guest), neither invoiced nor reimbursed.
 * Prices announced before purposes existed carry none: CHARGE.
 */
public enum PricePurpose {
    CHARGE, REIMBURSEMENT, NOT_BILLED
}
