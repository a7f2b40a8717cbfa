package org.evsettle.sessions.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The charge report as JSON, streamed: {@code operator}, {@code period} (with its rule), {@code filters},
 * {@code groupBy}, {@code language}, {@code generatedAt}, {@code totals}, then {@code groups} when grouped or
 * {@code sessions} otherwise. Times are the operator's local times with their offset. The keys are the
 * same in every language; only the period's rule, a sentence for people, is in the report's language.
 */
public final class JsonReportWriter implements ReportWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator json;
    private ReportHeader header;

    public JsonReportWriter(OutputStream out) throws IOException {
        this.json = JSON.createGenerator(out, JsonEncoding.UTF8);
    }

    @Override
    public boolean totalsFirst() {
        return true;
    }

    @Override
    public void begin(ReportHeader header, ReportFigures totals, List<ReportFigures> groups) throws IOException {
        this.header = header;
        json.writeStartObject();
        json.writeObjectFieldStart("operator");
        json.writeStringField("operatorId", header.operatorId().toString());
        json.writeStringField("name", header.operatorName());
        json.writeStringField("timeZone", header.zone().getId());
        json.writeStringField("currency", header.currency());
        json.writeEndObject();
        json.writeObjectFieldStart("period");
        json.writeStringField("from", header.from().toString());
        json.writeStringField("to", header.to().toString());
        json.writeStringField("timeZone", header.zone().getId());
        json.writeStringField("rule", header.periodRule());
        json.writeEndObject();
        json.writeObjectFieldStart("filters");
        for (Map.Entry<String, String> filter : header.filters().entrySet()) {
            json.writeStringField(filter.getKey(), filter.getValue());
        }
        json.writeEndObject();
        string("groupBy", header.groupBy() == null ? null : header.groupBy().parameter());
        json.writeStringField("language", header.messages().language().code());
        json.writeStringField("generatedAt", ReportText.LOCAL_TIME.format(header.generatedAt()));
        json.writeFieldName("totals");
        figures(totals, false);
        if (header.groupBy() != null) {
            json.writeArrayFieldStart("groups");
            for (ReportFigures group : groups) {
                figures(group, true);
            }
            json.writeEndArray();
        } else {
            json.writeArrayFieldStart("sessions");
        }
    }

    @Override
    public boolean wantsRows() {
        return header.groupBy() == null;
    }

    @Override
    public void row(ReportRow row) throws IOException {
        json.writeStartObject();
        id("sessionId", row.sessionId());
        string("status", row.status());
        time("startedAt", row.startedAt());
        time("stoppedAt", row.stoppedAt());
        number("connectedSeconds", row.connectedSeconds());
        number("chargingSeconds", row.chargingSeconds());
        number("idleSeconds", row.idleSeconds());
        number("energyWh", row.energyWh());
        decimal("energyKwh", row.energyKwh());
        id("siteId", row.siteId());
        string("siteName", row.siteName());
        id("chargerId", row.chargerId());
        string("chargePointId", row.chargePointId());
        number("connectorId", row.connectorId() == null ? null : row.connectorId().longValue());
        id("driverId", row.driverId());
        string("driverName", row.driverName());
        id("cardId", row.cardId());
        string("cardLabel", row.cardLabel());
        string("idTag", row.idTag());
        string("userType", row.userType());
        if (row.currency() == null) {
            json.writeNullField("cost");
        } else {
            json.writeObjectFieldStart("cost");
            json.writeStringField("currency", row.currency());
            decimal("netAmount", row.netAmount());
            decimal("vatAmount", row.vatAmount());
            decimal("grossAmount", row.grossAmount());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    @Override
    public void end(ReportFigures totals) throws IOException {
        if (header.groupBy() == null) {
            json.writeEndArray();
        }
        json.writeEndObject();
        json.flush();
    }

    private void figures(ReportFigures figures, boolean group) throws IOException {
        json.writeStartObject();
        if (group) {
            string("key", figures.key());
            string("label", figures.label());
        }
        json.writeNumberField("sessions", figures.sessions());
        json.writeNumberField("energyWh", figures.energyWh());
        json.writeNumberField("energyKwh", figures.energyKwh());
        json.writeNumberField("connectedSeconds", figures.connectedSeconds());
        json.writeNumberField("chargingSeconds", figures.chargingSeconds());
        json.writeNumberField("idleSeconds", figures.idleSeconds());
        json.writeObjectFieldStart("cost");
        json.writeStringField("currency", header.currency());
        json.writeNumberField("netAmount", figures.netAmount());
        json.writeNumberField("vatAmount", figures.vatAmount());
        json.writeNumberField("grossAmount", figures.grossAmount());
        json.writeEndObject();
        json.writeNumberField("unpricedSessions", figures.unpricedSessions());
        json.writeEndObject();
    }

    private void string(String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }

    private void id(String name, UUID value) throws IOException {
        string(name, value == null ? null : value.toString());
    }

    private void time(String name, Instant value) throws IOException {
        string(name, value == null ? null : ReportText.time(value, header.zone()));
    }

    private void number(String name, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }

    private void decimal(String name, BigDecimal value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }
}
