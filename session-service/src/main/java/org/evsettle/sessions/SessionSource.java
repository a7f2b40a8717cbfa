package org.evsettle.sessions;

/** Where a session's facts came from. */
public enum SessionSource {
    /** A charger's start, meter values and stop over OCPP. */
    OCPP,
    /** Zaptec's charge history, pulled from the Zaptec API with the operator's credentials. */
    ZAPTEC_API,
    /** Zaptec's charge history, uploaded by an operator as a file (JSON, CSV or XLSX). */
    ZAPTEC_FILE;

    public boolean isImported() {
        return this != OCPP;
    }
}
