package org.evsettle.tariffs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.evsettle.tariffs.WaitingSessions.TariffsChanged;

/**
 * The one way a change of what prices an operator's sessions (a tariff, a reimbursement rate, an energy contract) is
 * told: a {@link TariffChange} note in the changing transaction, and {@link TariffsChanged}, which wakes
 * {@link WaitingSessions} once it commits.
 */
@ApplicationScoped
public class TariffChanges {

    private final Event<TariffsChanged> changes;

    public TariffChanges(Event<TariffsChanged> changes) {
        this.changes = changes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(UUID operatorId) {
        TariffChange.record(operatorId);
        changes.fire(new TariffsChanged(operatorId));
    }
}
