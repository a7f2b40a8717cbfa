package org.evsettle.outbox.consumer;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure of the infrastructure (the database unreachable or restarting, a lock or deadlock,
 * a concurrent change) from a failure of the record. The first kind is no reason to quarantine
 * anything: the consumer waits and tries again for as long as it lasts. Anything else counts against
 * the record's bounded attempts.
 */
final class TransientFailures {

    /**
     * SQLSTATE classes and codes that mean "try again": 08 connection, 40 transaction rollback
     * (serialization failure, deadlock), 53 insufficient resources, 57 operator intervention (the
     * server shutting down), 58 system error, 55P03 lock not available, 57014 statement cancelled.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "57014");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof LockTimeoutException || cause instanceof PessimisticLockException
                    || cause instanceof OptimisticLockException || cause instanceof QueryTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && state.length() == 5) {
            return TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2));
        }
        // the connection pool's own: no connection could be had in time
        String message = sql.getMessage();
        return message != null && message.contains("Acquisition timeout");
    }
}
