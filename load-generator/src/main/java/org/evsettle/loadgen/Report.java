package org.evsettle.loadgen;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/** The figures of one run, as a Markdown table a person reads and docs/benchmarks.md can quote. */
final class Report {

    private Report() {
    }

    static String of(Scenario scenario, Metrics metrics, GatewayUnderTest.Memory memory,
                     Map<String, Map<String, Double>> gatewayLatencies, double elapsedSeconds,
                     Optional<LoadGenerator.Storm> storm, TransactionLedger.Check ledger) {
        StringBuilder text = new StringBuilder();
        double[] rates = metrics.ratesPerSecond();
        text.append("## ").append(scenario.describe()).append("\n\n");
        text.append(String.format(Locale.ROOT, "- connections held at the end: %d of %d (peak %d, %d dropped)%n",
                metrics.connectedAtEnd(), scenario.chargers(), metrics.peakConnected(), metrics.disconnectsAtEnd()));
        text.append(String.format(Locale.ROOT, "- OCPP versions given at the handshake: %d stations offered 2.0.1 and"
                        + " speak it; %d offered 2.0.1 and 1.6 and were given 1.6 (they behave as 1.6 chargers); %d 1.6"
                        + " chargers%n", metrics.speaking201(), metrics.fellBackTo16(), metrics.speaking16()));
        text.append(String.format(Locale.ROOT, "- failed connect attempts (each retried after 10 to 30 s, as a charger"
                + " does): %d %s%n", metrics.connectFailures(), metrics.connectFailureReasons()));
        text.append(String.format(Locale.ROOT, "- messages answered: %d in %.0f s; after ramp-up %.1f per second, of which"
                        + " %.1f transaction messages (StartTransaction, MeterValues, StopTransaction, TransactionEvent, acked by"
                        + " Kafka)%n",
                metrics.answeredTotal(), elapsedSeconds, rates[0], rates[1]));
        text.append(String.format(Locale.ROOT, "- gateway memory at the end: heap used %s MiB, resident %s MiB%n",
                format(memory.heapUsedMiB()), format(memory.residentMiB())));
        text.append(String.format(Locale.ROOT, "- transaction messages answered: %d; found on ocpp.events: %d; missing: %d%s;"
                        + " found more than once (sent again after a lost answer): %d; sent again for want of an answer:"
                        + " %d StartTransaction, %d MeterValues, %d StopTransaction, %d TransactionEvent%n",
                ledger.answered(), ledger.found(), ledger.missing().size(),
                ledger.missing().isEmpty() ? "" : " (first: " + ledger.missing().stream().limit(5).toList() + ")",
                ledger.repeated(), metrics.resentCount("StartTransaction"), metrics.resentCount("MeterValues"),
                metrics.resentCount("StopTransaction"), metrics.resentCountStartingWith("TransactionEvent")));
        storm.ifPresent(restart -> text.append(String.format(Locale.ROOT,
                "- the restart: old process gone after %.1f s, the new one ready after %s, all %d chargers connected"
                        + " again after %s (from the restart's start); %d reconnects; failed connect attempts meanwhile %s;"
                        + " connected every 10 s: %s%n",
                restart.endedSeconds(), restart.readySeconds() < 0 ? "(not yet when all were back)"
                        : String.format(Locale.ROOT, "%.1f s", restart.readySeconds()), scenario.chargers(),
                restart.allBackSeconds() < 0 ? "more than 10 minutes"
                        : String.format(Locale.ROOT, "%.1f s", restart.allBackSeconds()),
                restart.reconnects(), restart.failedConnects(), restart.connectedEvery10s())));
        text.append("\n");
        text.append("Latency from sending a CALL to reading its answer; CALLERROR and timed out count the whole run;"
                + " 2.0.1 actions are marked (2.0.1), TransactionEvent by eventType.\n\n");
        text.append("After the ramp-up, every charger connected (the measured phase):\n\n");
        table(text, metrics, metrics.histograms());
        if (!gatewayLatencies.isEmpty()) {
            text.append("\nThe gateway's own time from a CALL's frame to its answer (Kafka's ack included), over its last"
                    + " two minutes (metric ocpp_call_seconds):\n\n");
            text.append("| action | p50 ms | p99 ms | p99.9 ms |\n|---|---:|---:|---:|\n");
            // an action without an answer in the gateway's last minutes has all quantiles 0: left out
            gatewayLatencies.entrySet().stream()
                    .filter(entry -> entry.getValue().values().stream().anyMatch(seconds -> seconds > 0))
                    .forEach(entry -> text.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n",
                            entry.getKey(), 1000 * entry.getValue().getOrDefault("0.5", Double.NaN),
                            1000 * entry.getValue().getOrDefault("0.99", Double.NaN),
                            1000 * entry.getValue().getOrDefault("0.999", Double.NaN))));
        }
        text.append("\nDuring the ramp-up (chargers connecting, booting and reporting their status):\n\n");
        table(text, metrics, metrics.rampUpHistograms());
        return text.toString();
    }

    private static void table(StringBuilder text, Metrics metrics, Map<String, Histogram> histograms) {
        text.append("| action | answered | CALLERROR | timed out | p50 ms | p99 ms | p99.9 ms | max ms |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Histogram> entry : histograms.entrySet()) {
            Histogram latency = entry.getValue();
            text.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f | %.2f | %.2f |%n", entry.getKey(),
                    latency.getTotalCount(), metrics.errors(entry.getKey()), metrics.timeouts(entry.getKey()),
                    millis(latency.getValueAtPercentile(50)), millis(latency.getValueAtPercentile(99)),
                    millis(latency.getValueAtPercentile(99.9)), millis(latency.getMaxValue())));
        }
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    private static String format(double mib) {
        return mib < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f", mib);
    }
}
