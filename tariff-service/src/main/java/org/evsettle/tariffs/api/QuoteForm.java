package org.evsettle.tariffs.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.kit.api.DomainException;

/**
 * What a driver plans: energy, how long the car stays connected, of which idleMinutes (0 when left
 * out) after charging, and when it starts (now when left out). userType is for the operator's admins,
 * to see what another user type would pay.
 */
public record QuoteForm(
        @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 3, message = "must have at most 3 decimals")
        @Schema(example = "12.5") BigDecimal energyKwh,
        @NotNull @Min(1) @Max(10_080) @Schema(example = "120") Integer durationMinutes,
        @Min(0) @Max(10_080) @Schema(example = "30") Integer idleMinutes,
        @Schema(example = "2026-12-02T18:00:00Z") Instant startAt,
        @Schema(example = "RESIDENT") String userType) {

    public long energyWh() {
        return energyKwh.movePointRight(3).longValueExact();
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    /** The idle part; throws when it is longer than the whole. */
    public Duration idleChecked() {
        int idle = Optional.ofNullable(idleMinutes).orElse(0);
        if (idle > durationMinutes) {
            throw DomainException.invalid("idleMinutes", "must not exceed durationMinutes (" + durationMinutes + ")");
        }
        return Duration.ofMinutes(idle);
    }

    public Instant startOrNow() {
        return Optional.ofNullable(startAt).orElseGet(Instant::now);
    }
}
