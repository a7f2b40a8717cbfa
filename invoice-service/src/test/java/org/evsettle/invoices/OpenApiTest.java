package org.evsettle.invoices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.OpenApiConventions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OpenApiTest {

    @Test
    void describesEveryEndpointAsAnIntegratorsReference() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();

        assertThat(JsonPath.from(document).getMap("paths")).containsKeys(
                "/api/invoices", "/api/me/invoices", "/api/invoices/{invoiceId}", "/api/invoices/{invoiceId}/pdf",
                "/api/invoices/{invoiceId}/ubl", "/api/invoices/{invoiceId}/csv", "/api/invoices/{invoiceId}/payments",
                "/api/invoices/{invoiceId}/credit-notes", "/api/invoices/{invoiceId}/write-off",
                "/api/operators/{operatorId}/billing-runs", "/api/operators/{operatorId}/billing-runs/{runId}/ubl.zip",
                "/api/operators/{operatorId}/receivables",
                "/api/operators/{operatorId}/journal.csv", "/api/operators/{operatorId}/bank-statements",
                "/api/operators/{operatorId}/collection-settings", "/api/operators/{operatorId}/direct-debits",
                "/api/operators/{operatorId}/direct-debits/{batchId}",
                "/api/operators/{operatorId}/direct-debits/{batchId}/pain.008",
                "/api/operators/{operatorId}/direct-debits/{batchId}/settlement",
                "/api/quarantined-events", "/api/quarantined-events/{id}/replay", "/api/parked-events");
        assertThat(OpenApiConventions.violations(document)).isEmpty();
    }
}
