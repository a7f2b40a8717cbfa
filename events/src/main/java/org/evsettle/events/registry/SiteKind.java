package org.evsettle.events.registry;

/**
 * What a site is: SHARED, a place the operator's drivers charge in common (a VvE garage, an office car
 * park), or HOME, one driver's own home charger that a company registers for its employee: sessions there
 * by that driver are reimbursed to them, not invoiced. Records published before kinds existed carry none:
 * SHARED.
 */
public enum SiteKind {
    SHARED, HOME
}
