package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HandshakeLimiterTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void refillsOneTokenPerIntervalUpToTheBurst() {
        HandshakeLimiter limiter = limiter(Map.of("handshake-limits.address-burst", "2",
                "handshake-limits.address-refill", "10S"));

        limiter.checkFailed("192.0.2.1", "A");
        limiter.checkFailed("192.0.2.1", "B");
        assertThat(limiter.checkAllowed("192.0.2.1", "C")).hasValue(Duration.ofSeconds(10));

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(limiter.checkAllowed("192.0.2.1", "C")).hasValue(Duration.ofSeconds(6));
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(limiter.checkAllowed("192.0.2.1", "C")).isEmpty();
        limiter.checkFailed("192.0.2.1", "C");
        assertThat(limiter.checkAllowed("192.0.2.1", "D")).isPresent();

        now.addAndGet(Duration.ofHours(1).toNanos());
        limiter.checkFailed("192.0.2.1", "E");
        limiter.checkFailed("192.0.2.1", "F");
        assertThat(limiter.checkAllowed("192.0.2.1", "G")).as("never more than the burst").isPresent();
    }

    @Test
    void aBurstOfParallelFailuresLeavesTheAddressInDebtUntilItIsPaidOff() {
        HandshakeLimiter limiter = limiter(Map.of("handshake-limits.address-burst", "2",
                "handshake-limits.address-refill", "10S"));
        for (int i = 0; i < 10; i++) {
            limiter.checkFailed("192.0.2.1", "ID-" + i);
        }

        // down to minus the burst: two tokens to pay off, a third to spend
        assertThat(limiter.checkAllowed("192.0.2.1", "X")).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void keepsMemoryBoundedHoweverManyAddressesAndIdsAreUsed() {
        HandshakeLimiter limiter = limiter(Map.of("handshake-limits.tracked", "100",
                "handshake-limits.address-burst", "1000000"));
        for (int i = 0; i < 100_000; i++) {
            String address = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            limiter.checkAllowed(address, "ID-" + i);
            limiter.checkFailed(address, "ID-" + i);
            limiter.takeEnrolment("key-" + i, address);
        }

        assertThat(limiter.tracked()).isLessThanOrEqualTo(4 * 100);
        // ids beyond the table share one bucket: a flood of new ids is limited as one
        assertThat(limiter.checkAllowed("192.0.2.1", "ID-NEW")).isPresent();
    }

    @Test
    void dropsBucketsThatRefilledWhenTheTableIsFull() {
        HandshakeLimiter limiter = limiter(Map.of("handshake-limits.tracked", "10",
                "handshake-limits.charger-refill", "1S"));
        for (int i = 0; i < 10; i++) {
            limiter.checkFailed("192.0.2.1", "OLD-" + i);
        }
        now.addAndGet(Duration.ofMinutes(1).toNanos());

        limiter.checkFailed("192.0.2.1", "NEW-1");

        assertThat(limiter.checkAllowed("192.0.2.1", "NEW-1")).isEmpty();
        assertThat(limiter.tracked()).isLessThanOrEqualTo(2 + 1);
    }

    @Test
    void countsAnIpv6AddressByItsSlash64() {
        assertThat(HandshakeLimiter.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(HandshakeLimiter.addressKey("2001:db8:1:2:bbbb::2"))
                .isNotEqualTo(HandshakeLimiter.addressKey("2001:db8:1:3::1"));
        assertThat(HandshakeLimiter.addressKey("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void answersRetryAfterInWholeSecondsRoundedUp() {
        assertThat(HandshakeLimiter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(HandshakeLimiter.retryAfterSeconds(Duration.ofMillis(5_001))).isEqualTo(6);
    }

    private HandshakeLimiter limiter(Map<String, String> settings) {
        return new HandshakeLimiter(TestSettings.with(settings).handshakeLimits(), now::get);
    }
}
