package org.evsettle.devstack.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.devstack.DevStackException;
import org.evsettle.devstack.platform.JsonHttp;

/**
 * Accounts in realm evsettle, through Keycloak's admin API: creates a user with a role and the
 * operator_id / driver_id attributes (idempotently), and logs users in with the password grant of the
 * public client evsettle-cli, as a script or the command line would.
 */
public final class KeycloakAccounts {

    public static final String CLI_CLIENT = "evsettle-cli";
    public static final String PORTAL_CLIENT = "evsettle-portal";

    private final String baseUrl;
    private final JsonHttp http = new JsonHttp();

    public KeycloakAccounts(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An account to create or update. operatorId and driverId may be null. */
    public record Account(String username, String password, String role, UUID operatorId, UUID driverId,
                          String firstName, String lastName) {
    }

    /**
     * Creates the account, or brings an existing one to this role, password and attributes; answers its
     * Keycloak user id (the subject of its tokens), which user-service links a driver to.
     */
    public String ensure(Account account) {
        String admin = adminToken();
        String users = baseUrl + "/admin/realms/" + KeycloakServer.REALM + "/users";
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("username", account.username());
        representation.put("enabled", true);
        representation.put("email", account.username() + "@evsettle.local");
        representation.put("emailVerified", true);
        representation.put("firstName", account.firstName());
        representation.put("lastName", account.lastName());
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        if (account.operatorId() != null) {
            attributes.put("operator_id", List.of(account.operatorId().toString()));
        }
        if (account.driverId() != null) {
            attributes.put("driver_id", List.of(account.driverId().toString()));
        }
        representation.put("attributes", attributes);

        String id = find(admin, account.username());
        if (id == null) {
            http.post(users, admin, representation).require(201, "Creating user " + account.username());
            id = find(admin, account.username());
        } else {
            http.put(users + "/" + id, admin, representation).require(204, "Updating user " + account.username());
        }
        http.put(users + "/" + id + "/reset-password", admin,
                Map.of("type", "password", "value", account.password(), "temporary", false))
                .require(204, "Setting the password of " + account.username());
        JsonNode role = http.get(baseUrl + "/admin/realms/" + KeycloakServer.REALM + "/roles/" + account.role(), admin)
                .require(200, "Reading role " + account.role());
        http.post(users + "/" + id + "/role-mappings/realm", admin, List.of(role))
                .require(204, "Granting " + account.role() + " to " + account.username());
        return id;
    }

    /** An access token for the user, from the password grant of evsettle-cli. */
    public String login(String username, String password) {
        JsonNode token = http.postForm(baseUrl + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token",
                        Map.of("client_id", CLI_CLIENT, "grant_type", "password", "username", username,
                                "password", password))
                .require(200, "Logging in " + username);
        return token.get("access_token").asText();
    }

    /**
     * Makes sure the portal's client exists as the realm file defines it (a realm imported before the
     * portal existed lacks it), and lets its login come back to a gateway at this origin
     * ({@code http://localhost:41234}): the realm file allows only {@code http://localhost:8080}.
     */
    public void ensurePortal(Path realmFile, String origin) {
        String admin = adminToken();
        String clients = baseUrl + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        JsonNode found = http.get(clients + "?clientId=" + PORTAL_CLIENT, admin).require(200, "Looking up " + PORTAL_CLIENT);
        if (!found.isArray() || found.isEmpty()) {
            http.post(clients, admin, portalClient(realmFile)).require(201, "Creating client " + PORTAL_CLIENT);
            found = http.get(clients + "?clientId=" + PORTAL_CLIENT, admin).require(200, "Looking up " + PORTAL_CLIENT);
        }
        ObjectNode client = (ObjectNode) found.get(0);
        ArrayNode redirects = client.withArray("redirectUris");
        String allowed = origin + "/*";
        for (JsonNode redirect : redirects) {
            if (redirect.asText().equals(allowed)) {
                return;
            }
        }
        redirects.add(allowed);
        http.put(clients + "/" + client.get("id").asText(), admin, client)
                .require(204, "Allowing the portal's login at " + origin);
    }

    /** Sets how long the portal's access and ID tokens live (the realm's 15 minutes otherwise), for tests of refreshing. */
    public void setPortalTokenLifespan(java.time.Duration lifespan) {
        String admin = adminToken();
        String clients = baseUrl + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        ObjectNode client = (ObjectNode) http.get(clients + "?clientId=" + PORTAL_CLIENT, admin)
                .require(200, "Looking up " + PORTAL_CLIENT).get(0);
        client.with("attributes").put("access.token.lifespan", String.valueOf(lifespan.toSeconds()));
        http.put(clients + "/" + client.get("id").asText(), admin, client)
                .require(204, "Setting the token lifespan of " + PORTAL_CLIENT);
    }

    private static JsonNode portalClient(Path realmFile) {
        try {
            for (JsonNode client : new ObjectMapper().readTree(realmFile.toFile()).path("clients")) {
                if (PORTAL_CLIENT.equals(client.path("clientId").asText())) {
                    return client;
                }
            }
        } catch (IOException e) {
            throw new DevStackException("Cannot read " + realmFile + ": " + e.getMessage(), e);
        }
        throw new DevStackException(realmFile + " defines no client " + PORTAL_CLIENT);
    }

    private String find(String admin, String username) {
        JsonNode found = http.get(baseUrl + "/admin/realms/" + KeycloakServer.REALM + "/users?exact=true&username="
                + username, admin).require(200, "Looking up " + username);
        return found.isArray() && !found.isEmpty() ? found.get(0).get("id").asText() : null;
    }

    private String adminToken() {
        JsonNode token = http.postForm(baseUrl + "/realms/master/protocol/openid-connect/token",
                        Map.of("client_id", "admin-cli", "grant_type", "password",
                                "username", KeycloakServer.ADMIN_USER, "password", KeycloakServer.ADMIN_PASSWORD))
                .require(200, "Logging in to the Keycloak admin API");
        if (!token.hasNonNull("access_token")) {
            throw new DevStackException("Keycloak gave no admin token: " + token);
        }
        return token.get("access_token").asText();
    }
}
