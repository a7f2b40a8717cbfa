package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.sessions.SessionWaits.awaitCompleted;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.sessions.zaptec.ZaptecImport;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Zaptec charge history uploaded as a file: JSON or CSV, all or nothing; the Portal's charge report refused. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ZaptecUploadTest {

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());
    private final Registry registry = new Registry(topics);

    private UUID operatorId;
    private String admin;
    private String serial;
    private UUID resident;

    @BeforeEach
    void anOperatorWithACharger() {
        operatorId = UUID.randomUUID();
        admin = TestTokens.operatorAdmin(operatorId);
        serial = "ZCS" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        resident = UUID.randomUUID();
        UUID siteId = UUID.randomUUID();
        registry.operator(operatorId, "Wooncorporatie Oost", "Europe/Amsterdam");
        registry.site(siteId, operatorId, "Parkeergarage");
        registry.charger(UUID.randomUUID(), operatorId, siteId, serial);
        registry.driver(resident, operatorId, "Ann Resident", "RESIDENT");
    }

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    private io.restassured.response.ValidatableResponse upload(String contentType, String fileName, byte[] body) {
        return given().auth().oauth2(admin).contentType(contentType).body(body)
                .queryParam("fileName", fileName)
                .post("/api/operators/{o}/zaptec/imports", operatorId).then();
    }

    @Test
    void importsTheChargeHistoryAsTheApiAnswersIt() {
        String id = UUID.randomUUID().toString();
        String json = """
                {"Pages": 1, "Data": [{"Id": "%s", "DeviceId": "%s", "DeviceName": "Garage 1",
                  "StartDateTime": "2026-01-12T06:30:00.25", "EndDateTime": "2026-01-12T08:00:00",
                  "Energy": 9.8765, "UserEmail": "ANN.RESIDENT@example.org", "UserFullName": "Ann Resident",
                  "EnergyDetails": [{"Timestamp": "2026-01-12T06:00:00", "Energy": 2.5},
                                    {"Timestamp": "2026-01-12T07:00:00", "Energy": 7.3765}]}]}
                """.formatted(id, serial);
        upload("application/json", "chargehistory.json", json.getBytes()).statusCode(200)
                .body("created", equalTo(1)).body("completed", equalTo(1));

        UUID sessionId = ZaptecImport.sessionId(operatorId, id);
        SessionCompleted completed = awaitCompleted(topics, sessionId);
        assertThat(completed.energyWh()).as("9.8765 kWh, half-up to Wh").isEqualTo(9_877);
        assertThat(completed.snapshot().driverId()).isEqualTo(resident);
        assertThat(completed.startedAt()).isEqualTo(Instant.parse("2026-01-12T06:30:00.250Z"));
        assertThat(completed.readings()).contains(new EnergyReading(Instant.parse("2026-01-12T07:00:00Z"), 2_500));
        given().auth().oauth2(admin).get("/api/sessions/{id}", sessionId).then()
                .body("source", equalTo("ZAPTEC_FILE")).body("energyKwh", equalTo(9.877f));
        // the same file again creates nothing
        upload("application/json", "chargehistory.json", json.getBytes()).statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(1));
    }

    @Test
    void importsACsvInTheTemplatesLayout() {
        String template = given().auth().oauth2(admin).get("/api/zaptec/imports/template.csv").then().statusCode(200)
                .header("Content-Disposition", containsString("zaptec-sessions-template.csv"))
                .extract().asString();
        assertThat(template).startsWith("Id,ChargerId,DeviceId,DeviceName,StartDateTime,EndDateTime,Energy,UserId,"
                + "UserEmail,UserFullName,TokenName,EnergyDetails\r\n");
        String id = UUID.randomUUID().toString();
        // as Dutch Excel saves it: semicolons and decimal commas
        String csv = "Id;DeviceId;StartDateTime;EndDateTime;Energy;UserEmail;EnergyDetails\r\n"
                + id + ";" + serial + ";2026-01-20T17:00:00Z;2026-01-20T19:30:00Z;15,250;ann.resident@example.org;"
                + "2026-01-20T17:00:00Z=10,000|2026-01-20T18:00:00Z=5,250\r\n";
        upload("text/csv", "sessions.csv", csv.getBytes()).statusCode(200).body("created", equalTo(1))
                .body("completed", equalTo(1));
        SessionCompleted completed = awaitCompleted(topics, ZaptecImport.sessionId(operatorId, id));
        assertThat(completed.energyWh()).isEqualTo(15_250);
        assertThat(completed.readings()).containsExactly(new EnergyReading(Instant.parse("2026-01-20T17:00:00Z"), 0),
                new EnergyReading(Instant.parse("2026-01-20T18:00:00Z"), 10_000),
                new EnergyReading(Instant.parse("2026-01-20T19:30:00Z"), 15_250));
    }

    @Test
    void importsTheFirstSheetOfAnXlsxWithExcelDates() throws java.io.IOException {
        String id = UUID.randomUUID().toString();
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(xlsx, "EV Settle", "1.0")) {
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Sessions");
            List<String> header = List.of("Id", "DeviceId", "StartDateTime", "EndDateTime", "Energy", "UserEmail");
            for (int column = 0; column < header.size(); column++) {
                sheet.value(0, column, header.get(column));
            }
            sheet.value(1, 0, id);
            sheet.value(1, 1, serial);
            // dates as Excel keeps them: serial day numbers, formatted as dates
            sheet.value(1, 2, java.time.LocalDateTime.of(2026, 1, 22, 18, 0));
            sheet.style(1, 2).format("yyyy-mm-dd hh:mm").set();
            sheet.value(1, 3, java.time.LocalDateTime.of(2026, 1, 22, 21, 30));
            sheet.style(1, 3).format("yyyy-mm-dd hh:mm").set();
            sheet.value(1, 4, 21.5);
            sheet.value(1, 5, "ann.resident@example.org");
            // a row Excel numbers 3 with a problem, named by that number
            sheet.value(2, 0, UUID.randomUUID().toString());
            sheet.value(2, 1, serial);
            sheet.value(2, 2, "not a date");
            sheet.value(2, 3, java.time.LocalDateTime.of(2026, 1, 23, 21, 30));
            sheet.value(2, 4, 1.0);
        }
        upload("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "sessions.xlsx", xlsx.toByteArray())
                .statusCode(422).body("violations.field", contains("line[3].StartDateTime"));

        java.io.ByteArrayOutputStream valid = new java.io.ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(valid, "EV Settle", "1.0")) {
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Sessions");
            List<Object> header = List.of("Id", "DeviceId", "StartDateTime", "EndDateTime", "Energy", "UserEmail");
            List<Object> row = List.of(id, serial, java.time.LocalDateTime.of(2026, 1, 22, 18, 0),
                    java.time.LocalDateTime.of(2026, 1, 22, 21, 30), 21.5, "ann.resident@example.org");
            for (int column = 0; column < header.size(); column++) {
                sheet.value(0, column, (String) header.get(column));
                Object value = row.get(column);
                if (value instanceof java.time.LocalDateTime at) {
                    sheet.value(1, column, at);
                } else if (value instanceof Double number) {
                    sheet.value(1, column, number);
                } else {
                    sheet.value(1, column, (String) value);
                }
            }
        }
        upload("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "sessions.xlsx", valid.toByteArray())
                .statusCode(200).body("created", equalTo(1)).body("completed", equalTo(1));
        SessionCompleted completed = awaitCompleted(topics, ZaptecImport.sessionId(operatorId, id));
        assertThat(completed.startedAt()).isEqualTo(Instant.parse("2026-01-22T18:00:00Z"));
        assertThat(completed.stoppedAt()).isEqualTo(Instant.parse("2026-01-22T21:30:00Z"));
        assertThat(completed.energyWh()).isEqualTo(21_500);
    }

    @Test
    void aCsvWithBadRowsNamesEveryProblemAndStoresNothing() {
        String good = UUID.randomUUID().toString();
        String csv = "Id,DeviceId,StartDateTime,EndDateTime,Energy,EnergyDetails\n"
                + good + "," + serial + ",2026-01-20T17:00:00Z,2026-01-20T19:30:00Z,15.250,\n"
                + "," + serial + ",20-01-2026 17:00,2026-01-20T19:30:00Z,-1,\n"
                + good + ",,2026-01-21T17:00:00Z,2026-01-21T16:00:00Z,twelve,2026-01-21T17:00:00Z=x\n";
        upload("text/csv", "sessions.csv", csv.getBytes()).statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("Nothing was imported: 2 of 3 sessions are rejected"))
                .body("violations.field", contains("line[3].Energy", "line[3].Id", "line[3].StartDateTime",
                        "line[4].ChargerId", "line[4].EndDateTime", "line[4].Energy",
                        "line[4].EnergyDetails[0].Energy", "line[4].Id"))
                .body("violations.find { it.field == 'line[4].Id' }.message", containsString("repeats the Id of line 2"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ChargingSession.count("operatorId", operatorId)))
                .isZero();
    }

    @Test
    void refusesThePortalsChargeReportSayingItHoldsTotals() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        upload("application/vnd.ms-excel", "UsageReport_20260101-20260131_Lindelaan.xls", xls).statusCode(422)
                .body("detail", startsWith("This is Zaptec's Portal charge report"))
                .body("detail", containsString("totals per user, charger or card, not sessions"))
                .body("detail", containsString("API credentials"));
        // the same report saved as CSV, under another name
        String totals = "User;Sessions;Energy (kWh);Hours\r\nAnn Resident;14;212,4;61,5\r\n";
        upload("text/csv", "januari.csv", totals.getBytes()).statusCode(422)
                .body("detail", containsString("not sessions"));
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID())).contentType("text/csv")
                .body("Id\n1\n").post("/api/operators/{o}/zaptec/imports", operatorId).then().statusCode(404);
    }
}
