package org.evsettle.tariffs;

import io.quarkus.arc.Unremovable;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
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

    /** Reads the tariffs of the operators not read yet, in one query: a batch names its operators up front. */
    public void load(Collection<UUID> operatorIds) {
        List<UUID> missing = operatorIds.stream().distinct().filter(id -> !byOperator.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> byOperator.put(id, new ArrayList<>()));
        Tariff.ofOperators(missing).forEach(tariff -> byOperator.get(tariff.operatorId).add(tariff));
    }
}
