package org.evsettle.kit.security;

import java.util.List;

/** The realm roles of EV Settle, as Keycloak puts them in tokens. */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String OPERATOR_ADMIN = "operator-admin";
    public static final String DRIVER = "driver";
    public static final List<String> ALL = List.of(PLATFORM_ADMIN, OPERATOR_ADMIN, DRIVER);

    private Roles() {
    }
}
