package org.evsettle.devstack.platform;

/** The five EV Settle services: module, default ports and database. */
public enum Service {
    OCPP_GATEWAY("ocpp-gateway", 8081, "gateway"),
    USER_SERVICE("user-service", 8082, "users"),
    SESSION_SERVICE("session-service", 8083, "sessions"),
    TARIFF_SERVICE("tariff-service", 8084, "tariffs"),
    INVOICE_SERVICE("invoice-service", 8085, "invoices");

    private final String module;
    private final int defaultPort;
    private final String database;

    Service(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Health checks and metrics, locally: the HTTP port + 1000 (9081 to 9085); 9000 in a container. */
    public int defaultManagementPort() {
        return defaultPort + 1000;
    }

    public String database() {
        return database;
    }
}
