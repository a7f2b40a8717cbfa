package org.evsettle.tariffs;

import io.quarkus.arc.Unremovable;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operators' tariffs as read once per transaction: a batch of sessions prices each operator's
 * sessions with one load of its tariffs, and sees them as they were when the batch began.
 */
@TransactionScoped
@Unremovable
public class OperatorTariffs implements Serializable {

    private final transient Map<UUID, List<Tariff>> byOperator = new HashMap<>();

    public List<Tariff> of(UUID operatorId) {
        return byOperator.computeIfAbsent(operatorId, Tariff::ofOperator);
    }
}
