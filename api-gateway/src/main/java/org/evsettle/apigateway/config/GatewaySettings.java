package org.evsettle.apigateway.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's settings. The one routing rule: {@code /api/<service>/<rest>} goes to that service's
 * {@code /api/<rest>}, so {@code /api/users/operators} is user-service's {@code /api/operators} and
 * the services' own paths never clash (user-service, tariff-service and the OCPP gateway all have
 * {@code /api/chargers}).
 */
@ConfigMapping(prefix = "evsettle")
public interface GatewaySettings {

    /** Each service's base URL by its public name: users, sessions, tariffs, invoices, ocpp. */
    Map<String, URI> services();

    Proxy proxy();

    interface Proxy {
        /** A service that has not begun its answer by then is answered 504. */
        Duration responseTimeout();

        /** A service that cannot be connected to by then is answered 502. */
        Duration connectTimeout();
    }

    Cookie cookie();

    interface Cookie {
        /** Every cookie Secure: behind TLS, even where TLS ends at a proxy in front of the gateway. */
        boolean secure();
    }

    default Optional<URI> service(String name) {
        return Optional.ofNullable(services().get(name));
    }
}
