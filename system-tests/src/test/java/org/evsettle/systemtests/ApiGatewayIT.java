package org.evsettle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.restassured.response.Response;
import org.evsettle.devstack.platform.Service;
import org.evsettle.devstack.platform.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The api-gateway in front of the real services: an API client with a Keycloak token reaches every
 * service under its prefix, the services still decide what the caller may see, downloads pass
 * through as the service wrote them, and a stopped service is answered 502 until it is back.
 */
class ApiGatewayIT {

    private static RunningPlatform running;
    private static String gateway;

    @BeforeAll
    static void platform() {
        running = RunningPlatform.get();
        gateway = running.url(Service.API_GATEWAY);
    }

    @Test
    void reachesEveryServiceUnderItsPrefixWhileTheServicesKeepTheirScope() {
        Tenant mine = Tenant.create(running, "0.30");
        Tenant other = Tenant.create(running, "0.30");

        given().auth().oauth2(mine.adminToken()).get(gateway + "/api/users/operators/{o}", mine.operatorId())
                .then().statusCode(200).body("id", equalTo(mine.operatorId().toString()));
        given().auth().oauth2(mine.adminToken()).get(gateway + "/api/users/operators/{o}/drivers", mine.operatorId())
                .then().statusCode(200).body("items[0].id", equalTo(mine.driverId().toString()));
        given().auth().oauth2(mine.driverToken()).get(gateway + "/api/sessions/me/sessions").then().statusCode(200);
        given().auth().oauth2(mine.adminToken()).get(gateway + "/api/tariffs/operators/{o}/tariffs", mine.operatorId())
                .then().statusCode(200).body("items[0].name", equalTo("Standard"));
        given().auth().oauth2(mine.driverToken()).get(gateway + "/api/invoices/me/invoices").then().statusCode(200);
        given().auth().oauth2(mine.adminToken()).get(gateway + "/api/ocpp/chargers/{cp}/connection", mine.chargePointId())
                .then().statusCode(200);

        // the gateway adds no rule: another operator's data stays the service's 404, as problem+json
        given().auth().oauth2(other.adminToken()).get(gateway + "/api/users/operators/{o}", mine.operatorId())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other.adminToken()).get(gateway + "/api/ocpp/chargers/{cp}/connection", mine.chargePointId())
                .then().statusCode(404);
        given().redirects().follow(false).get(gateway + "/api/invoices/invoices").then().statusCode(302);
    }

    @Test
    void passesAReportDownloadThroughAsTheServiceWroteIt() {
        Tenant tenant = Tenant.create(running, "0.30");
        Response xlsx = given().auth().oauth2(tenant.adminToken())
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get(gateway + "/api/sessions/reports/sessions");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        byte[] body = xlsx.asByteArray();
        assertThat(new String(body, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    @Test
    void describesEveryServicesApiWithItsPublicPaths() {
        given().get(gateway + "/api/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/users/operators/{operatorId}/drivers"))
                .body("paths", hasKey("/api/sessions/sessions/{sessionId}"))
                .body("paths", hasKey("/api/tariffs/chargers/{chargePointId}/quote"))
                .body("paths", hasKey("/api/invoices/invoices/{invoiceId}/pdf"))
                .body("paths", hasKey("/api/ocpp/chargers/{chargePointId}/connection"));
    }

    @Test
    void answers502WhileAServiceIsDownAndForwardsAgainOnceItIsBack() {
        Tenant tenant = Tenant.create(running, "0.30");
        ServiceProcess tariffs = running.platform().service(Service.TARIFF_SERVICE);
        tariffs.stop();
        try {
            given().auth().oauth2(tenant.adminToken()).get(gateway + "/api/tariffs/operators/{o}/tariffs", tenant.operatorId())
                    .then().statusCode(502).contentType("application/problem+json")
                    .body("type", equalTo("urn:evsettle:problem:service-unreachable"));
        } finally {
            tariffs.start();
            tariffs.awaitReady();
        }
        given().auth().oauth2(tenant.adminToken()).get(gateway + "/api/tariffs/operators/{o}/tariffs", tenant.operatorId())
                .then().statusCode(200);
    }
}
