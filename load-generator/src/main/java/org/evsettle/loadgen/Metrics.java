package org.evsettle.loadgen;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.evsettle.testkit.ChargePointConnection;

/**
 * What the fleet measured: latency per OCPP action (from sending the CALL to reading its answer,
 * in microseconds, HdrHistogram), answers, CALLERRORs and timeouts per action, transaction messages
 * answered per second, connections held, and the OCPP version each charger was given. Thread-safe; recording is lock-free.
 */
public final class Metrics {

    /** The messages billing is made of (1.6 and 2.0.1): answered only once Kafka has them. */
    static final Set<String> TRANSACTION_MESSAGES = Set.of("StartTransaction", "MeterValues", "StopTransaction",
            "TransactionEvent");

    private final Map<String, Recorder> latencies = new ConcurrentHashMap<>();
    private final Map<String, Histogram> rampUp = new ConcurrentHashMap<>();
    private final Map<String, Histogram> measured = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> timeouts = new ConcurrentHashMap<>();
    private final LongAdder answered = new LongAdder();
    private final LongAdder transactionAnswered = new LongAdder();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger peakConnected = new AtomicInteger();
    private final LongAdder connectFailures = new LongAdder();
    private final Map<String, LongAdder> connectFailureReasons = new ConcurrentHashMap<>();
    private final LongAdder disconnects = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final Map<String, LongAdder> resent = new ConcurrentHashMap<>();
    private final AtomicLong measuringSince = new AtomicLong();
    private final LongAdder answeredSinceMeasuring = new LongAdder();
    private final LongAdder transactionSinceMeasuring = new LongAdder();
    private final LongAdder speaking201 = new LongAdder();
    private final LongAdder fellBackTo16 = new LongAdder();
    private final LongAdder speaking16 = new LongAdder();
    private volatile boolean measuring;

    /** An answer to a CALL, its latency recorded as {@code metric} (the action, for 2.0.1 with its version). */
    void answered(String metric, boolean transaction, long nanos) {
        latencies.computeIfAbsent(metric, a -> new Recorder(3)).recordValue(Math.max(1, nanos / 1_000));
        answered.increment();
        if (transaction) {
            transactionAnswered.increment();
        }
        if (measuring) {
            answeredSinceMeasuring.increment();
            if (transaction) {
                transactionSinceMeasuring.increment();
            }
        }
    }

    /** The version a charger speaks, chosen by the central system at its first connection. */
    void negotiated(boolean offered201, String subprotocol) {
        if (!offered201) {
            speaking16.increment();
        } else if (ChargePointConnection.SUBPROTOCOL_201.equals(subprotocol)) {
            speaking201.increment();
        } else {
            fellBackTo16.increment();
        }
    }

    /** Stations that offered 2.0.1 and speak it. */
    long speaking201() {
        return speaking201.sum();
    }

    /** Stations that offered 2.0.1 and 1.6 and were given 1.6: they behave as 1.6 chargers. */
    long fellBackTo16() {
        return fellBackTo16.sum();
    }

    /** Chargers that offered 1.6 only. */
    long speaking16() {
        return speaking16.sum();
    }

    void callError(String action) {
        errors.computeIfAbsent(action, a -> new LongAdder()).increment();
    }

    void timedOut(String action) {
        timeouts.computeIfAbsent(action, a -> new LongAdder()).increment();
    }

    void connected(boolean again) {
        if (again) {
            reconnects.increment();
        }
        int now = connected.incrementAndGet();
        peakConnected.accumulateAndGet(now, Math::max);
    }

    void disconnected() {
        connected.decrementAndGet();
        disconnects.increment();
    }

    /** A transaction message without an answer, to be sent again once the charger is online. */
    void resent(String action) {
        resent.computeIfAbsent(action, a -> new LongAdder()).increment();
    }

    long resentCount(String action) {
        LongAdder count = resent.get(action);
        return count == null ? 0 : count.sum();
    }

    /** Messages sent again whose metric begins with {@code prefix} (every "TransactionEvent ..." of 2.0.1). */
    long resentCountStartingWith(String prefix) {
        return resent.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .mapToLong(entry -> entry.getValue().sum()).sum();
    }

    long reconnects() {
        return reconnects.sum();
    }

    void connectFailed(String reason) {
        connectFailures.increment();
        connectFailureReasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Failed connect attempts by reason ("HTTP 503", "HttpConnectTimeoutException", ...). */
    Map<String, Long> connectFailureReasons() {
        Map<String, Long> reasons = new TreeMap<>();
        connectFailureReasons.forEach((reason, count) -> reasons.put(reason, count.sum()));
        return reasons;
    }

    /** From now on, rates count (the ramp-up is over) and latencies go to the measured histograms. */
    synchronized void startMeasuring() {
        drainInto(rampUp);
        measuringSince.set(System.nanoTime());
        measuring = true;
    }

    private volatile int connectedAtEnd = -1;
    private volatile long disconnectsAtEnd = -1;

    /** The run is over: connections and drops as they are now, before the chargers are stopped. */
    void endOfRun() {
        connectedAtEnd = connected.get();
        disconnectsAtEnd = disconnects.sum();
    }

    /** Connections held when the run ended (now, before it ended). */
    int connectedAtEnd() {
        return connectedAtEnd < 0 ? connected.get() : connectedAtEnd;
    }

    /** Connections dropped until the run ended (not counting the chargers' own close at the end). */
    long disconnectsAtEnd() {
        return disconnectsAtEnd < 0 ? disconnects.sum() : disconnectsAtEnd;
    }

    int connectedNow() {
        return connected.get();
    }

    int peakConnected() {
        return peakConnected.get();
    }

    long connectFailures() {
        return connectFailures.sum();
    }

    long disconnects() {
        return disconnects.sum();
    }

    long answeredTotal() {
        return answered.sum();
    }

    /** Answers per second since measuring started: all messages, and transaction messages. */
    double[] ratesPerSecond() {
        double seconds = Math.max(1e-3, (System.nanoTime() - measuringSince.get()) / 1e9);
        return new double[] {answeredSinceMeasuring.sum() / seconds, transactionSinceMeasuring.sum() / seconds};
    }

    /** The latency histogram of every action since measuring started (all connected), by action name. */
    synchronized Map<String, Histogram> histograms() {
        drainInto(measured);
        return new TreeMap<>(measured);
    }

    /** The latency histogram of every action during the ramp-up (chargers connecting), by action name. */
    synchronized Map<String, Histogram> rampUpHistograms() {
        return new TreeMap<>(rampUp);
    }

    private void drainInto(Map<String, Histogram> phase) {
        latencies.forEach((action, recorder) -> {
            Histogram interval = recorder.getIntervalHistogram();
            phase.computeIfAbsent(action, a -> new Histogram(3)).add(interval);
        });
    }

    long errors(String action) {
        LongAdder count = errors.get(action);
        return count == null ? 0 : count.sum();
    }

    long timeouts(String action) {
        LongAdder count = timeouts.get(action);
        return count == null ? 0 : count.sum();
    }
}
