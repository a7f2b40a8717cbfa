package org.evsettle.gateway.ocpp.v201;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.evsettle.gateway.ocpp.OcppJson;
import org.evsettle.gateway.ocpp.v201.Ocpp201Commands.Refused;
import org.evsettle.gateway.ocpp.v201.Ocpp201Commands.Route;
import org.evsettle.gateway.ocpp.v201.Ocpp201Commands.Send;
import org.junit.jupiter.api.Test;

/** Commands on a 2.0.1 connection and on a 1.6 one: passed, translated, refused; every translation fits 2.0.1's schema. */
class Ocpp201CommandsTest {

    private static final String V16 = "ocpp1.6";
    private static final String V201 = "ocpp2.0.1";

    /** The station knows the gateway's transaction 7 as "tx-7f3a"; remoteStartIds count from 100. */
    private final AtomicInteger remoteStartIds = new AtomicInteger(100);
    private final Ocpp201Commands.StationLookups lookups = new Ocpp201Commands.StationLookups() {
        @Override
        public Optional<String> stationTransactionId(int transactionId) {
            return transactionId == 7 ? Optional.of("tx-7f3a") : Optional.empty();
        }

        @Override
        public int nextRemoteStartId() {
            return remoteStartIds.getAndIncrement();
        }
    };

    @Test
    void translatesRemoteStartIntoRequestStartWithAFreshRemoteStartIdAndTheCardAsIdToken() {
        Send first = sent(route(V201, "RemoteStartTransaction", "{\"connectorId\": 2, \"idTag\": \"04A2B3C4D5E680\"}"));
        Send second = sent(route(V201, "RemoteStartTransaction", "{\"idTag\": \"employee-42\"}"));

        assertThat(first.action()).isEqualTo("RequestStartTransaction");
        assertThat(first.payload()).isEqualTo(json("{\"evseId\": 2, \"remoteStartId\": 100, "
                + "\"idToken\": {\"idToken\": \"04A2B3C4D5E680\", \"type\": \"ISO14443\"}}"));
        assertThat(second.payload()).isEqualTo(json("{\"remoteStartId\": 101, "
                + "\"idToken\": {\"idToken\": \"employee-42\", \"type\": \"Central\"}}"));
    }

    @Test
    void translatesRemoteStartsChargingProfileIntoTheTwoZeroOneForm() {
        Send sent = sent(route(V201, "RemoteStartTransaction", "{\"connectorId\": 1, \"idTag\": \"04A2B3C4\", "
                + "\"chargingProfile\": {\"chargingProfileId\": 5, \"stackLevel\": 0, \"chargingProfilePurpose\": "
                + "\"TxProfile\", \"chargingProfileKind\": \"Relative\", \"chargingSchedule\": {\"chargingRateUnit\": "
                + "\"A\", \"chargingSchedulePeriod\": [{\"startPeriod\": 0, \"limit\": 16.0}]}}}"));

        assertThat(sent.payload().get("chargingProfile")).isEqualTo(json("{\"id\": 5, \"stackLevel\": 0, "
                + "\"chargingProfilePurpose\": \"TxProfile\", \"chargingProfileKind\": \"Relative\", \"chargingSchedule\": "
                + "[{\"id\": 5, \"chargingRateUnit\": \"A\", \"chargingSchedulePeriod\": [{\"startPeriod\": 0, \"limit\": 16.0}]}]}"));
    }

    @Test
    void translatesRemoteStopToTheStationsOwnTransactionIdAndRefusesOneItDoesNotHave() {
        assertThat(sent(route(V201, "RemoteStopTransaction", "{\"transactionId\": 7}")))
                .isEqualTo(new Send("RequestStopTransaction", obj("{\"transactionId\": \"tx-7f3a\"}")));

        assertThat(route(V201, "RemoteStopTransaction", "{\"transactionId\": 8}")).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).contains("transactionId 8").contains("nothing was sent"));
    }

    @Test
    void translatesResetAvailabilityUnlockAndTrigger() {
        assertThat(sent(route(V201, "Reset", "{\"type\": \"Hard\"}")).payload()).isEqualTo(json("{\"type\": \"Immediate\"}"));
        assertThat(sent(route(V201, "Reset", "{\"type\": \"Soft\"}")).payload()).isEqualTo(json("{\"type\": \"OnIdle\"}"));
        assertThat(sent(route(V201, "ChangeAvailability", "{\"connectorId\": 0, \"type\": \"Inoperative\"}")).payload())
                .isEqualTo(json("{\"operationalStatus\": \"Inoperative\"}"));
        assertThat(sent(route(V201, "ChangeAvailability", "{\"connectorId\": 2, \"type\": \"Operative\"}")).payload())
                .isEqualTo(json("{\"operationalStatus\": \"Operative\", \"evse\": {\"id\": 2}}"));
        assertThat(sent(route(V201, "UnlockConnector", "{\"connectorId\": 2}")).payload())
                .isEqualTo(json("{\"evseId\": 2, \"connectorId\": 1}"));
        assertThat(sent(route(V201, "TriggerMessage", "{\"requestedMessage\": \"StatusNotification\", \"connectorId\": 1}"))
                .payload()).isEqualTo(json("{\"requestedMessage\": \"StatusNotification\", \"evse\": {\"id\": 1, \"connectorId\": 1}}"));
        assertThat(sent(route(V201, "TriggerMessage", "{\"requestedMessage\": \"MeterValues\", \"connectorId\": 3}"))
                .payload()).isEqualTo(json("{\"requestedMessage\": \"MeterValues\", \"evse\": {\"id\": 3}}"));
        assertThat(sent(route(V201, "TriggerMessage", "{\"requestedMessage\": \"DiagnosticsStatusNotification\"}"))
                .payload()).isEqualTo(json("{\"requestedMessage\": \"LogStatusNotification\"}"));
        assertThat(sent(route(V201, "TriggerMessage", "{\"requestedMessage\": \"Heartbeat\"}")))
                .isEqualTo(new Send("TriggerMessage", obj("{\"requestedMessage\": \"Heartbeat\"}")));
    }

    @Test
    void translatesTheLocalListWithIdTokensAndTheirInfo() {
        Send sent = sent(route(V201, "SendLocalList", "{\"listVersion\": 3, \"updateType\": \"Differential\", "
                + "\"localAuthorizationList\": [{\"idTag\": \"04A2B3C4\", \"idTagInfo\": {\"status\": \"Accepted\", "
                + "\"expiryDate\": \"2027-01-01T00:00:00Z\", \"parentIdTag\": \"FLEET-1\"}}, {\"idTag\": \"0BADCAFE\"}]}"));

        assertThat(sent.payload()).isEqualTo(json("{\"versionNumber\": 3, \"updateType\": \"Differential\", "
                + "\"localAuthorizationList\": [{\"idToken\": {\"idToken\": \"04A2B3C4\", \"type\": \"ISO14443\"}, "
                + "\"idTokenInfo\": {\"status\": \"Accepted\", \"cacheExpiryDateTime\": \"2027-01-01T00:00:00Z\", "
                + "\"groupIdToken\": {\"idToken\": \"FLEET-1\", \"type\": \"Central\"}}}, "
                + "{\"idToken\": {\"idToken\": \"0BADCAFE\", \"type\": \"ISO14443\"}}]}"));
    }

    @Test
    void translatesReservationsAndKeepsThemInTheOneSixForm() {
        Send sent = sent(route(V201, "ReserveNow", "{\"connectorId\": 1, \"expiryDate\": \"2026-12-04T20:00:00Z\", "
                + "\"idTag\": \"04A2B3C4\", \"reservationId\": 12}"));

        assertThat(sent.payload()).isEqualTo(json("{\"id\": 12, \"expiryDateTime\": \"2026-12-04T20:00:00Z\", "
                + "\"idToken\": {\"idToken\": \"04A2B3C4\", \"type\": \"ISO14443\"}, \"evseId\": 1}"));
        assertThat(Ocpp201Commands.reservationOf(sent.payload())).isEqualTo(json("{\"reservationId\": 12, "
                + "\"connectorId\": 1, \"idTag\": \"04A2B3C4\", \"expiryDate\": \"2026-12-04T20:00:00Z\"}"));
        assertThat(sent(route(V201, "CancelReservation", "{\"reservationId\": 12}")))
                .isEqualTo(new Send("CancelReservation", obj("{\"reservationId\": 12}")));
    }

    @Test
    void translatesTheSiteLoadLimitsTxProfileWithTheStationsTransactionId() {
        String txProfile = "{\"connectorId\": 1, \"csChargingProfiles\": {\"chargingProfileId\": 900, \"transactionId\": %d, "
                + "\"stackLevel\": 1, \"chargingProfilePurpose\": \"TxProfile\", \"chargingProfileKind\": \"Relative\", "
                + "\"chargingSchedule\": {\"chargingRateUnit\": \"A\", \"chargingSchedulePeriod\": [{\"startPeriod\": 0, "
                + "\"limit\": 10.5}]}}}";

        Send sent = sent(route(V201, "SetChargingProfile", txProfile.formatted(7)));

        assertThat(sent.payload()).isEqualTo(json("{\"evseId\": 1, \"chargingProfile\": {\"id\": 900, \"stackLevel\": 1, "
                + "\"chargingProfilePurpose\": \"TxProfile\", \"chargingProfileKind\": \"Relative\", \"transactionId\": "
                + "\"tx-7f3a\", \"chargingSchedule\": [{\"id\": 900, \"chargingRateUnit\": \"A\", \"chargingSchedulePeriod\": "
                + "[{\"startPeriod\": 0, \"limit\": 10.5}]}]}}"));
        assertThat(route(V201, "SetChargingProfile", txProfile.formatted(8))).isInstanceOf(Refused.class);
        assertThat(sent(route(V201, "ClearChargingProfile", "{\"connectorId\": 1, \"chargingProfilePurpose\": "
                + "\"ChargePointMaxProfile\", \"stackLevel\": 0}")).payload()).isEqualTo(json("{\"chargingProfileCriteria\": "
                + "{\"evseId\": 1, \"chargingProfilePurpose\": \"ChargingStationMaxProfile\", \"stackLevel\": 0}}"));
        assertThat(sent(route(V201, "ClearChargingProfile", "{\"id\": 900}")).payload())
                .isEqualTo(json("{\"chargingProfileId\": 900}"));
    }

    @Test
    void passesCommandsWithoutFieldsAndTwoZeroOneCommandsAsTheyAre() {
        assertThat(sent(route(V201, "ClearCache", "{}"))).isEqualTo(new Send("ClearCache", obj("{}")));
        assertThat(sent(route(V201, "GetLocalListVersion", "{}"))).isEqualTo(new Send("GetLocalListVersion", obj("{}")));
        String start = "{\"remoteStartId\": 1, \"idToken\": {\"idToken\": \"04A2B3C4\", \"type\": \"ISO14443\"}}";
        assertThat(sent(route(V201, "RequestStartTransaction", start)))
                .isEqualTo(new Send("RequestStartTransaction", obj(start)));
        assertThat(sent(route(V201, "Reset", "{\"type\": \"OnIdle\", \"evseId\": 1}")).payload())
                .isEqualTo(json("{\"type\": \"OnIdle\", \"evseId\": 1}"));
        assertThat(sent(route(V201, "CostUpdated", "{\"totalCost\": 4.35, \"transactionId\": \"tx-7f3a\"}")).action())
                .isEqualTo("CostUpdated");
    }

    @Test
    void refusesOneSixCommandsWithoutAnEquivalentForATwoZeroOneStationNamingWhatToUse() {
        assertThat(refusal(route(V201, "GetConfiguration", "{}")))
                .contains("OCPP 2.0.1").contains("GetConfiguration").contains("GetVariables");
        assertThat(refusal(route(V201, "ChangeConfiguration", "{\"key\": \"HeartbeatInterval\", \"value\": \"300\"}")))
                .contains("SetVariables");
        assertThat(refusal(route(V201, "ExtendedTriggerMessage", "{\"requestedMessage\": \"Heartbeat\"}")))
                .contains("TriggerMessage");
        assertThat(route(V201, "GetDiagnostics", "{\"location\": \"ftp://example.com/\"}")).isInstanceOf(Refused.class);
        assertThat(route(V201, "UpdateFirmware", "{\"location\": \"https://example.com/f.bin\", "
                + "\"retrieveDate\": \"2026-12-04T20:00:00Z\"}")).isInstanceOf(Refused.class);
        assertThat(route(V201, "GetCompositeSchedule", "{\"connectorId\": 1, \"duration\": 60}")).isInstanceOf(Refused.class);
    }

    @Test
    void refusesTwoZeroOneCommandsForAOneSixChargerNamingItsVersionAndTheCommandToUse() {
        assertThat(refusal(route(V16, "RequestStartTransaction",
                "{\"remoteStartId\": 1, \"idToken\": {\"idToken\": \"04A2B3C4\", \"type\": \"ISO14443\"}}")))
                .contains("OCPP 1.6").contains("RemoteStartTransaction");
        assertThat(refusal(route(V16, "GetVariables", "{\"getVariableData\": [{\"component\": {\"name\": \"OCPPCommCtrlr\"}, "
                + "\"variable\": {\"name\": \"HeartbeatInterval\"}}]}"))).contains("GetConfiguration");
        assertThat(refusal(route(V16, "Reset", "{\"type\": \"OnIdle\"}"))).contains("OCPP 1.6").contains("Reset");
        assertThat(sent(route(V16, "Reset", "{\"type\": \"Soft\"}"))).isEqualTo(new Send("Reset", obj("{\"type\": \"Soft\"}")));
    }

    /** The route; every CALL for a 2.0.1 station fits its action's 2.0.1 schema (the route checks it, and so does this). */
    private Route route(String subprotocol, String action, String payload) {
        Route route = Ocpp201Commands.route(subprotocol, action, json(payload), lookups);
        if (route instanceof Send send && subprotocol.equals(V201)) {
            Ocpp201Schemas.request(send.action()).orElseThrow().validate(send.payload());
        }
        return route;
    }

    private static Send sent(Route route) {
        assertThat(route).isInstanceOf(Send.class);
        return (Send) route;
    }

    private static String refusal(Route route) {
        assertThat(route).isInstanceOf(Refused.class);
        return ((Refused) route).reason();
    }

    private static JsonNode json(String text) {
        try {
            return OcppJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ObjectNode obj(String text) {
        return (ObjectNode) json(text);
    }
}
