package org.evsettle.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devstack's Keycloak imports the production realm with one local-only change: the command-line
 * client may use the password grant (the demo accounts, the tests, a developer's curl).
 */
class LocalRealmTest {

    private static final Path PRODUCTION_REALM = Path.of("").toAbsolutePath().getParent()
            .resolve("deploy/keycloak/evsettle-realm.json");

    @TempDir
    Path home;

    @Test
    void givesOnlyTheCommandLineClientThePasswordGrant() throws Exception {
        KeycloakServer.copyRealm(home, PRODUCTION_REALM);

        ObjectMapper json = new ObjectMapper();
        JsonNode production = json.readTree(PRODUCTION_REALM.toFile());
        JsonNode local = json.readTree(home.resolve("data/import/evsettle-realm.json").toFile());
        assertThat(client(production, KeycloakAccounts.CLI_CLIENT).path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client(local, KeycloakAccounts.CLI_CLIENT).path("directAccessGrantsEnabled").asBoolean()).isTrue();

        ((ObjectNode) client(local, KeycloakAccounts.CLI_CLIENT)).put("directAccessGrantsEnabled", false);
        assertThat(local).as("nothing else differs").isEqualTo(production);
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
