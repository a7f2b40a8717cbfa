package org.evsettle.devstack.platform;

import java.util.Arrays;
import java.util.List;

/**
 * The EV Settle services: module, default ports and database. The five behind the api-gateway own a
 * database each; the api-gateway, last, is the public entry in front of them and owns none.
 */
public enum Service {
    OCPP_GATEWAY("ocpp-gateway", 8081, "gateway", "ocpp"),
    USER_SERVICE("user-service", 8082, "users", "users"),
    SESSION_SERVICE("session-service", 8083, "sessions", "sessions"),
    TARIFF_SERVICE("tariff-service", 8084, "tariffs", "tariffs"),
    INVOICE_SERVICE("invoice-service", 8085, "invoices", "invoices"),
    API_GATEWAY("api-gateway", 8080, null, null);

    private final String module;
    private final int defaultPort;
    private final String database;
    private final String route;

    Service(String module, int defaultPort, String database, String route) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
        this.route = route;
    }

    /** Where the api-gateway routes the service's API: {@code /api/<route>/...}. */
    public String route() {
        return route;
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

    /** The service's own database; none for the api-gateway. */
    public String database() {
        return database;
    }

    /** The five services behind the api-gateway, each with its database, in the order they start. */
    public static List<Service> backends() {
        return Arrays.stream(values()).filter(service -> service != API_GATEWAY).toList();
    }
}
