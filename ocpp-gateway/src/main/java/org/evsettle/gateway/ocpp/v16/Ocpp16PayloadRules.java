package org.evsettle.gateway.ocpp.v16;

import static org.evsettle.gateway.ocpp.PayloadShape.anyString;
import static org.evsettle.gateway.ocpp.PayloadShape.arrayOf;
import static org.evsettle.gateway.ocpp.PayloadShape.dateTime;
import static org.evsettle.gateway.ocpp.PayloadShape.integer;
import static org.evsettle.gateway.ocpp.PayloadShape.longInteger;
import static org.evsettle.gateway.ocpp.PayloadShape.object;
import static org.evsettle.gateway.ocpp.PayloadShape.oneOf;
import static org.evsettle.gateway.ocpp.PayloadShape.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import org.evsettle.gateway.ocpp.PayloadShape;
import org.evsettle.gateway.ocpp.PayloadShape.ObjectShape;
import org.evsettle.gateway.ocpp.PayloadValidator;

/**
 * The OCPP 1.6 request payloads the gateway handles, written after the official JSON schemas
 * (required properties, types, maxLength, enums, minItems, date-time). Unknown properties are
 * tolerated for now; validating with the schemas themselves will replace this class.
 */
@ApplicationScoped
public class Ocpp16PayloadRules implements PayloadValidator {

    static final String[] CHARGE_POINT_ERROR_CODES = {"ConnectorLockFailure", "EVCommunicationError",
        "GroundFailure", "HighTemperature", "InternalError", "LocalListConflict", "NoError", "OtherError",
        "OverCurrentFailure", "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure", "ResetFailure",
        "UnderVoltage", "OverVoltage", "WeakSignal"};
    static final String[] CHARGE_POINT_STATUSES = {"Available", "Preparing", "Charging", "SuspendedEVSE",
        "SuspendedEV", "Finishing", "Reserved", "Unavailable", "Faulted"};
    static final String[] STOP_REASONS = {"EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other",
        "PowerLoss", "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized"};

    private static final int ID_TOKEN = 20;

    private static final PayloadShape SAMPLED_VALUE = object()
            .required("value", anyString())
            .optional("context", oneOf("Interruption.Begin", "Interruption.End", "Sample.Clock", "Sample.Periodic",
                    "Transaction.Begin", "Transaction.End", "Trigger", "Other"))
            .optional("format", oneOf("Raw", "SignedData"))
            .optional("measurand", oneOf("Energy.Active.Export.Register", "Energy.Active.Import.Register",
                    "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register",
                    "Energy.Active.Export.Interval", "Energy.Active.Import.Interval",
                    "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval", "Power.Active.Export",
                    "Power.Active.Import", "Power.Offered", "Power.Reactive.Export", "Power.Reactive.Import",
                    "Power.Factor", "Current.Import", "Current.Export", "Current.Offered", "Voltage", "Frequency",
                    "Temperature", "SoC", "RPM"))
            .optional("phase", oneOf("L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1"))
            .optional("location", oneOf("Cable", "EV", "Inlet", "Outlet", "Body"))
            // the 1.6 schema spells Celcius; Celsius is accepted too, as chargers send both
            .optional("unit", oneOf("Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A", "V",
                    "K", "Celcius", "Celsius", "Fahrenheit", "Percent"));

    private static PayloadShape meterValue(int minSamples) {
        return object()
                .required("timestamp", dateTime())
                .required("sampledValue", arrayOf(SAMPLED_VALUE, minSamples));
    }

    private static final Map<String, ObjectShape> REQUESTS = Map.of(
            "BootNotification", object()
                    .required("chargePointVendor", string(20))
                    .required("chargePointModel", string(20))
                    .optional("chargePointSerialNumber", string(25))
                    .optional("chargeBoxSerialNumber", string(25))
                    .optional("firmwareVersion", string(50))
                    .optional("iccid", string(20))
                    .optional("imsi", string(20))
                    .optional("meterType", string(25))
                    .optional("meterSerialNumber", string(25)),
            "Heartbeat", object(),
            "StatusNotification", object()
                    .required("connectorId", integer())
                    .required("errorCode", oneOf(CHARGE_POINT_ERROR_CODES))
                    .required("status", oneOf(CHARGE_POINT_STATUSES))
                    .optional("info", string(50))
                    .optional("timestamp", dateTime())
                    .optional("vendorId", string(255))
                    .optional("vendorErrorCode", string(50)),
            "Authorize", object()
                    .required("idTag", string(ID_TOKEN)),
            "StartTransaction", object()
                    .required("connectorId", integer())
                    .required("idTag", string(ID_TOKEN))
                    .required("meterStart", longInteger())
                    .required("timestamp", dateTime())
                    .optional("reservationId", integer()),
            "MeterValues", object()
                    .required("connectorId", integer())
                    .required("meterValue", arrayOf(meterValue(1), 1))
                    .optional("transactionId", integer()),
            "StopTransaction", object()
                    .required("transactionId", integer())
                    .required("meterStop", longInteger())
                    .required("timestamp", dateTime())
                    .optional("idTag", string(ID_TOKEN))
                    .optional("reason", oneOf(STOP_REASONS))
                    .optional("transactionData", arrayOf(meterValue(0), 0)));

    @Override
    public String subprotocol() {
        return Ocpp16.SUBPROTOCOL;
    }

    @Override
    public Set<String> actions() {
        return REQUESTS.keySet();
    }

    @Override
    public void validate(String action, ObjectNode payload) {
        ObjectShape shape = REQUESTS.get(action);
        if (shape != null) {
            shape.checkPayload(payload);
        }
    }
}
