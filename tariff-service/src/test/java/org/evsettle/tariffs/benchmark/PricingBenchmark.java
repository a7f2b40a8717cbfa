package org.evsettle.tariffs.benchmark;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.evsettle.tariffs.MeteredSession;
import org.evsettle.tariffs.Price;
import org.evsettle.tariffs.PricingEngine;
import org.evsettle.tariffs.TariffTerms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sessions priced per second on one thread (one core), in process: the engine made once for the
 * tariff version ({@code priceSession}), and made per session as the service does
 * ({@code compileAndPriceSession}). Target: 50,000 sessions per second per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PricingBenchmark {

    private static final int DISTINCT_SESSIONS = 4096;

    private TariffTerms terms;
    private PricingEngine engine;
    private MeteredSession[] sessions;
    private int next;

    @Setup
    public void prepare() {
        terms = BenchmarkSessions.terms();
        engine = PricingEngine.of(terms);
        List<MeteredSession> generated = BenchmarkSessions.sessions(DISTINCT_SESSIONS, 42, UUID.randomUUID())
                .stream().map(MeteredSession::of).toList();
        sessions = generated.toArray(MeteredSession[]::new);
    }

    @Benchmark
    public Price priceSession() {
        return engine.price(sessions[next++ & (DISTINCT_SESSIONS - 1)]);
    }

    @Benchmark
    public Price compileAndPriceSession() {
        return PricingEngine.of(terms).price(sessions[next++ & (DISTINCT_SESSIONS - 1)]);
    }
}
