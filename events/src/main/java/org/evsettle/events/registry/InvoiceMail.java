package org.evsettle.events.registry;

/**
 * How an operator's documents reach its drivers by e-mail: enabled (the default, also for records
 * published before this existed), or off when, for example, a payment provider sends its own; bcc is
 * an address of the operator's administration that receives a blind copy of every message, or null.
 */
public record InvoiceMail(boolean enabled, String bcc) {

    /** E-mail on, no blind copy: what an operator gets until it chooses. */
    public static final InvoiceMail DEFAULT = new InvoiceMail(true, null);
}
