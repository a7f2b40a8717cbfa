package org.evsettle.gateway.configuration;

import java.time.Instant;

/**
 * How one configuration key of a charger stands after its last boot: the value its profile wanted, the
 * value it reported (null when it reported none), the result, a reason where the result needs one, when
 * it was checked and when the wanted value was last sent (null: not sent).
 */
public record KeyOutcome(String key, String profile, String wantedValue, String reportedValue, Result result,
                         String detail, Instant checkedAt, Instant sentAt) {

    /** What became of a key. */
    public enum Result {
        /** The charger already had the wanted value: nothing was sent. */
        UNCHANGED,
        /** ChangeConfiguration answered Accepted. */
        ACCEPTED,
        /** ChangeConfiguration answered RebootRequired: in force after the charger's next reboot, which nobody forces. */
        REBOOT_REQUIRED,
        /** ChangeConfiguration answered Rejected, or the key is read-only: not sent again for this value. */
        REJECTED,
        /** The charger does not know the key (answered NotSupported, or left it out): not sent again for this value. */
        NOT_SUPPORTED,
        /** No answer in time, a CALLERROR or a disconnect: tried again at the next boot. */
        NO_ANSWER;

        /** A refusal the gateway remembers, so that it does not send the same value at every boot. */
        public boolean isRefusal() {
            return this == REJECTED || this == NOT_SUPPORTED;
        }
    }
}
