package org.evsettle.gateway.loadbalancing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evsettle.events.registry.LoadLimit;

/**
 * The one rule for sharing a site's load limit among the sessions charging there: equal shares, rounded down to
 * 0.1 (A or W) so that the sum never exceeds the limit. A share below what a car can charge at (6 A per IEC 61851,
 * or 1,380 W: 6 A at 230 V) is no share: then the oldest sessions get equal shares of at least that minimum and the
 * youngest get 0 (paused) until a session ends.
 */
public final class LoadShare {

    static final BigDecimal MINIMUM_AMPERES = new BigDecimal("6");
    static final BigDecimal MINIMUM_WATTS = new BigDecimal("1380");

    private LoadShare() {
    }

    /** The limit of each session, in the limit's unit, keyed as given (oldest first). */
    public static <K> Map<K, BigDecimal> of(LoadLimit limit, List<K> oldestFirst) {
        Map<K, BigDecimal> shares = new LinkedHashMap<>();
        if (oldestFirst.isEmpty()) {
            return shares;
        }
        BigDecimal minimum = limit.inAmperes() ? MINIMUM_AMPERES : MINIMUM_WATTS;
        int charging = Math.min(oldestFirst.size(), limit.value().divide(minimum, 0, RoundingMode.DOWN).intValue());
        BigDecimal share = charging == 0 ? BigDecimal.ZERO.setScale(1)
                : limit.value().divide(BigDecimal.valueOf(charging), 1, RoundingMode.DOWN);
        for (int i = 0; i < oldestFirst.size(); i++) {
            shares.put(oldestFirst.get(i), i < charging ? share : BigDecimal.ZERO.setScale(1));
        }
        return shares;
    }
}
