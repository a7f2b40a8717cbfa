package org.evsettle.apigateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The services' API descriptions, read through the gateway, name the paths the public calls. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ApiDocumentsTest {

    @Test
    void servesAServicesDocumentWithItsPublicPaths() {
        given().when().get("/api/openapi/users")
                .then().statusCode(200)
                .body("paths", hasKey("/api/users/things/{id}"))
                .body("paths", not(hasKey("/api/things/{id}")))
                .body("tags.name", hasItem("users: Things"))
                .body("servers[0].url", equalTo("/"));
    }

    @Test
    void servesAllDocumentsInOneTellingApartComponentsNamedAlike() {
        given().when().get("/api/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/users/things/{id}"))
                .body("paths", hasKey("/api/sessions/others"))
                .body("components.schemas", hasKey("Thing"))
                .body("components.schemas", hasKey("users.Thing"))
                .body("paths.'/api/users/things/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/users.Thing"))
                .body("paths.'/api/sessions/others'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Thing"))
                .body("info.x-unavailable", equalTo("invoices, ocpp, tariffs"));
    }
}
