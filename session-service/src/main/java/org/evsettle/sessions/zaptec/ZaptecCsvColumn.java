package org.evsettle.sessions.zaptec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a Zaptec sessions CSV (docs/zaptec.md, the template at GET /api/zaptec/imports/template.csv):
 * Zaptec's own field names, in any case and order. EnergyDetails holds the intervals as
 * {@code <Timestamp>=<kWh>} separated by {@code |}.
 */
public enum ZaptecCsvColumn {
    ID("Id", true),
    CHARGER_ID("ChargerId", false),
    DEVICE_ID("DeviceId", false),
    DEVICE_NAME("DeviceName", false),
    START_DATE_TIME("StartDateTime", true),
    END_DATE_TIME("EndDateTime", true),
    ENERGY("Energy", true),
    USER_ID("UserId", false),
    USER_EMAIL("UserEmail", false),
    USER_FULL_NAME("UserFullName", false),
    TOKEN_NAME("TokenName", false),
    ENERGY_DETAILS("EnergyDetails", false);

    private final String title;
    private final boolean required;

    ZaptecCsvColumn(String title, boolean required) {
        this.title = title;
        this.required = required;
    }

    public String title() {
        return title;
    }

    public boolean required() {
        return required;
    }

    static Optional<ZaptecCsvColumn> named(String title) {
        return Arrays.stream(values()).filter(column -> column.title.equalsIgnoreCase(title.trim())).findFirst();
    }

    static List<String> titles() {
        return Arrays.stream(values()).map(ZaptecCsvColumn::title).toList();
    }
}
