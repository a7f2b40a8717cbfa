package org.evsettle.users;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import org.evsettle.events.registry.SepaMandate;

/** A driver's SEPA direct debit mandate as stored; {@link SepaMandate} is its form in events and on the API. */
@Embeddable
public class SepaDebitMandate {

    @Column(name = "sepa_mandate_id")
    public String mandateId;
    @Column(name = "sepa_mandate_signed_on")
    public LocalDate signedOn;
    @Column(name = "sepa_mandate_iban")
    public String iban;
    @Column(name = "sepa_mandate_bic")
    public String bic;

    public static SepaDebitMandate of(SepaMandate mandate) {
        if (mandate == null) {
            return null;
        }
        SepaDebitMandate stored = new SepaDebitMandate();
        stored.mandateId = mandate.mandateId();
        stored.signedOn = mandate.signedOn();
        stored.iban = mandate.iban();
        stored.bic = mandate.bic();
        return stored;
    }

    public static SepaMandate toMandate(SepaDebitMandate stored) {
        return stored == null || stored.mandateId == null ? null
                : new SepaMandate(stored.mandateId, stored.signedOn, stored.iban, stored.bic);
    }
}
