package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.tariffs.TariffFixtures.aTariff;
import static org.evsettle.tariffs.TariffFixtures.as;
import static org.evsettle.tariffs.TariffFixtures.createTariff;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** A tariff created or revised by an admin leaves an audit entry of its operator, with what the revision changed. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class TariffAuditTest {

    @Test
    void creatingAndRevisingATariffLeaveEntriesOfWhoAndWhatChanged() {
        UUID operatorId = UUID.randomUUID();
        UUID tariffId = createTariff(operatorId, aTariff(t -> { }));
        String admin = TestTokens.sign("els", List.of("operator-admin"),
                Map.of("operator_id", operatorId.toString(), "name", "Els Janssens"));
        as(admin).body(aTariff(t -> {
            t.put("name", "Laden 2027");
            t.put("components", List.of(Map.of("type", "ENERGY", "unitPrice", 0.39)));
        })).put("/api/tariffs/{id}", tariffId).then().statusCode(200);

        JsonPath entries = as(admin).get("/api/operators/{o}/audit-entries?entityType=Tariff", operatorId).then()
                .statusCode(200).extract().jsonPath();
        assertThat(entries.getList("items.action")).containsExactly("REVISED", "CREATED");
        assertThat(entries.getList("items.entityId")).containsOnly(tariffId.toString());
        assertThat(entries.getString("items[0].actorName")).isEqualTo("Els Janssens");
        assertThat(entries.getString("items[0].changes.name.before")).isEqualTo("Standaard laden");
        assertThat(entries.getString("items[0].changes.name.after")).isEqualTo("Laden 2027");
        assertThat(entries.getInt("items[0].changes.version.after")).isEqualTo(2);
        assertThat(entries.getList("items[0].changes.components.after")).hasSize(1);
        assertThat(entries.getMap("items[0].changes")).doesNotContainKeys("userTypes", "siteId", "vatRate");

        as(TestTokens.operatorAdmin(UUID.randomUUID())).get("/api/operators/{o}/audit-entries", operatorId).then()
                .statusCode(404);
    }
}
