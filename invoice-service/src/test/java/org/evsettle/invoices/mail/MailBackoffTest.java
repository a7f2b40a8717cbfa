package org.evsettle.invoices.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evsettle.invoices.config.MailConfig;
import org.junit.jupiter.api.RepeatedTest;

class MailBackoffTest {

    private static final MailConfig CONFIG = new MailConfig() {
        public String from() {
            return "facturen@evsettle.local";
        }

        public String every() {
            return "5s";
        }

        public int batchSize() {
            return 20;
        }

        public int maxAttempts() {
            return 8;
        }

        public Duration firstRetry() {
            return Duration.ofMinutes(1);
        }

        public Duration longestRetry() {
            return Duration.ofHours(6);
        }

        public Duration lease() {
            return Duration.ofMinutes(5);
        }
    };

    private final MailWorker worker = new MailWorker(null, null, null, CONFIG, null);

    @RepeatedTest(20)
    void theWaitDoublesWithEachAttemptLessUpToHalfOfItAsJitterAndStaysBounded() {
        assertThat(worker.backoff(1)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1));
        assertThat(worker.backoff(2)).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(2));
        assertThat(worker.backoff(4)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(8));
        assertThat(worker.backoff(12)).isBetween(Duration.ofHours(3), Duration.ofHours(6));
        assertThat(worker.backoff(200)).isBetween(Duration.ofHours(3), Duration.ofHours(6));
    }
}
