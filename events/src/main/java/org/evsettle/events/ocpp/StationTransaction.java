package org.evsettle.events.ocpp;

import java.util.List;

/**
 * What an OCPP 2.0.1 station tells of its transaction beside the version-neutral facts: its own
 * transactionId (the event's transactionId is the gateway's int one, as for 1.6), the seqNo and
 * triggerReason of the TransactionEvent, whether it was queued offline, the EVSE and its connector,
 * and on a stop the seqNos that never arrived (a gap the session can show). Null on 1.6 events.
 */
public record StationTransaction(
        String stationTransactionId,
        int seqNo,
        String eventType,
        String triggerReason,
        boolean offline,
        Integer evseId,
        Integer evseConnectorId,
        String chargingState,
        List<Integer> missingSeqNos) {
}
