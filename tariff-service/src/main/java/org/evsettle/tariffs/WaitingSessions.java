package org.evsettle.tariffs;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.evsettle.tariffs.config.WaitingSessionSettings;

/**
 * Prices the sessions that were waiting for a tariff. A new tariff or version leaves a
 * {@link TariffChange} note in its own transaction; right after it commits (and every poll interval,
 * for notes left by a crash or another replica) the operator's waiting sessions are tried again, in
 * batches, oldest first. A session a tariff now applies to is priced and announced like any other.
 */
@ApplicationScoped
public class WaitingSessions {

    /** Fired in the transaction that changed an operator's tariffs; observed once it commits. */
    public record TariffsChanged(UUID operatorId) {
    }

    private final SessionPricing pricing;
    private final EntityManager entityManager;
    private final int batchSize;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private ExecutorService worker;

    public WaitingSessions(SessionPricing pricing, EntityManager entityManager, WaitingSessionSettings settings) {
        this.pricing = pricing;
        this.entityManager = entityManager;
        this.batchSize = settings.batchSize();
    }

    void start(@Observes StartupEvent startup) {
        worker = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "waiting-sessions"));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TariffsChanged changed) {
        wake();
    }

    @Scheduled(every = "${evsettle.tariffs.waiting-sessions.poll}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Works off the notes soon, on the worker thread; a wake while one is queued is the same wake. */
    void wake() {
        if (worker != null && !worker.isShutdown() && wakeQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            Optional<TariffChange> change;
            while ((change = nextChange()).isPresent()) {
                priceWaiting(change.get().operatorId);
                forget(change.get());
            }
        } catch (RuntimeException e) {
            Log.warnf("Waiting sessions will be tried again later: %s", e.toString());
        }
    }

    private Optional<TariffChange> nextChange() {
        return QuarkusTransaction.requiringNew().call(() -> TariffChange.<TariffChange>findAll()
                .page(0, 1).firstResultOptional());
    }

    /** Deletes the note unless a newer change came in meanwhile, which needs another pass. */
    private void forget(TariffChange change) {
        QuarkusTransaction.requiringNew().run(() -> TariffChange
                .delete("operatorId = ?1 and changedAt = ?2", change.operatorId, change.changedAt));
    }

    private void priceWaiting(UUID operatorId) {
        Batch batch = new Batch(0, 0, Instant.EPOCH, new UUID(0, 0));
        int priced = 0;
        do {
            Batch after = batch;
            batch = QuarkusTransaction.requiringNew().call(() -> priceBatch(operatorId, after.lastStart(), after.lastId()));
            priced += batch.priced();
        } while (batch.size() == batchSize);
        if (priced > 0) {
            Log.infof("Priced %d waiting sessions of operator %s", priced, operatorId);
        }
    }

    /** One batch of waiting sessions after a key (start, id), locked; others' locked rows are skipped. */
    private Batch priceBatch(UUID operatorId, Instant afterStart, UUID afterId) {
        List<UnpricedSession> waiting = entityManager.createQuery("""
                        select u from UnpricedSession u where u.operatorId = ?1 and u.waiting = true
                          and (u.startedAt > ?2 or (u.startedAt = ?2 and u.sessionId > ?3))
                        order by u.startedAt, u.sessionId""", UnpricedSession.class)
                .setParameter(1, operatorId)
                .setParameter(2, afterStart)
                .setParameter(3, afterId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: a correction is at it
                .setMaxResults(batchSize)
                .getResultList();
        if (waiting.isEmpty()) {
            return new Batch(0, 0, afterStart, afterId);
        }
        List<Tariff> tariffs = Tariff.ofOperator(operatorId);
        int priced = 0;
        for (UnpricedSession session : waiting) {
            if (pricing.retry(session, tariffs)) {
                priced++;
            }
        }
        UnpricedSession last = waiting.get(waiting.size() - 1);
        return new Batch(waiting.size(), priced, last.startedAt, last.sessionId);
    }

    private record Batch(int size, int priced, Instant lastStart, UUID lastId) {
    }
}
