package org.evsettle.events.tariffs;

import java.util.UUID;

/**
 * A new price for a session that was priced before, after its correction (revision of the
 * {@code SessionCorrected}) or a tariff fix: price replaces the earlier one. Invoices that already
 * carry the session credit the old price and bill the new one.
 */
public record SessionRepriced(UUID sessionId, int revision, SessionPriced price, String reason) implements TariffEvent {
}
