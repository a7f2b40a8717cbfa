package org.evsettle.apigateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** A driver downloads all their data in one ZIP, gathered from the services with their own token. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class DriverExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDriverGetsProfileCardsSessionsAndInvoicesWithTheIssuedDocumentsPdfInOneZip() throws IOException {
        String driver = GatewayTestResource.bearer(GatewayTestResource.DRIVER);
        byte[] zip = given().auth().oauth2(driver).get("/api/me/export").then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", startsWith("attachment; filename=\"evsettle-my-data-"))
                .header("Cache-Control", equalTo("no-store"))
                .extract().asByteArray();

        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsOnlyKeys("profile.json", "cards.json", "sessions.json", "invoices.json",
                "invoices/LINDE-2026-000001.pdf");
        assertThat(json(entries, "profile.json").path("name").asText()).isEqualTo("Dirk Driver");
        // both pages of cards, read by the next cursor
        assertThat(json(entries, "cards.json").findValuesAsText("idTag")).containsExactly("04A2B3C4", "04A2B3C5");
        assertThat(json(entries, "sessions.json").get(0).path("energyWh").asLong()).isEqualTo(12_340);
        assertThat(json(entries, "invoices.json")).hasSize(2);
        assertThat(new String(entries.get("invoices/LINDE-2026-000001.pdf"), StandardCharsets.UTF_8))
                .isEqualTo(StubService.PDF);
    }

    @Test
    void onlyADriverExportsTheirData() {
        given().auth().oauth2(GatewayTestResource.bearer(GatewayTestResource.OPERATOR_ADMIN)).get("/api/me/export")
                .then().statusCode(403).contentType("application/problem+json");
        given().redirects().follow(false).get("/api/me/export").then().statusCode(302);
    }

    private static JsonNode json(Map<String, byte[]> entries, String name) throws IOException {
        return JSON.readTree(entries.get(name));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
