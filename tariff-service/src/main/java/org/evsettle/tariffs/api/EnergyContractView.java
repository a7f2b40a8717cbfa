package org.evsettle.tariffs.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.tariffs.EnergyContract;

/** An employee's energy contract as the API shows it: prices incl. VAT; nightStart and nightEnd as 23:00. */
public record EnergyContractView(UUID id, UUID operatorId, UUID driverId, String supplier, LocalDate validFrom,
                                 LocalDate validTo, BigDecimal dayPricePerKwh, BigDecimal nightPricePerKwh,
                                 @JsonFormat(pattern = "HH:mm") @Schema(example = "23:00") LocalTime nightStart,
                                 @JsonFormat(pattern = "HH:mm") @Schema(example = "07:00") LocalTime nightEnd,
                                 boolean weekendsAtNightPrice) {

    static EnergyContractView of(EnergyContract c) {
        return new EnergyContractView(c.id, c.operatorId, c.driverId, c.supplier, c.validFrom, c.validTo,
                c.dayPricePerKwh, c.nightPricePerKwh, c.nightStart, c.nightEnd, c.weekendsAtNightPrice);
    }
}
