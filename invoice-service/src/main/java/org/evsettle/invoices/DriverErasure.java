package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import java.util.UUID;

/**
 * What this service erases when an ERASED driver arrives from the registry (docs/privacy.md): the copy of
 * the driver takes the pseudonym and loses the rest through the record itself; here go the e-mail
 * addresses the driver's documents were or would be mailed to, and the e-mail in the customer of each
 * issued document. Mail still queued for the driver is skipped. The name, address and company details
 * on issued documents stay, as the law requires, until {@link InvoiceRetention} removes the documents.
 * Idempotent: a second arrival finds nothing left to erase.
 */
final class DriverErasure {

    static final String ERASED = "ERASED";

    private DriverErasure() {
    }

    /** Runs in the projection's transaction, so the erasure and the copy of the record cannot part. */
    static void erasePersonalCopies(UUID driverId) {
        var entityManager = Panache.getEntityManager();
        int mails = entityManager.createNativeQuery("""
                        UPDATE document_mail SET recipient = NULL,
                               status = CASE WHEN status = 'QUEUED' THEN 'SKIPPED' ELSE status END,
                               last_error = CASE WHEN status = 'QUEUED' THEN 'driver erased'
                                   ELSE regexp_replace(last_error, '[^\\s<>@"'']+@[^\\s<>"'']+', '<address>', 'g') END
                        WHERE invoice_id IN (SELECT id FROM invoice WHERE driver_id = ?1)
                          AND (recipient IS NOT NULL OR status = 'QUEUED')""")
                .setParameter(1, driverId).executeUpdate();
        int documents = entityManager.createNativeQuery("""
                        UPDATE invoice SET customer = (customer::jsonb || '{"email": null}'::jsonb)::text
                        WHERE driver_id = ?1 AND customer IS NOT NULL AND customer::jsonb ->> 'email' IS NOT NULL""")
                .setParameter(1, driverId).executeUpdate();
        if (mails + documents > 0) {
            Log.infof("Driver %s erased: e-mail addresses removed from %d mails and %d documents", driverId, mails,
                    documents);
        }
    }
}
