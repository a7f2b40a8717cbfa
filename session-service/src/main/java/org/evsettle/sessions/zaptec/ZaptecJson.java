package org.evsettle.sessions.zaptec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the charge history's JSON: the API's page {@code {Pages, Data[]}} or a bare array of sessions, field
 * names in any case. A session's line is its place in Data (1 for the first).
 */
public final class ZaptecJson {

    private ZaptecJson() {
    }

    /** The sessions of a page or an array; null when the document is neither. */
    public static JsonNode sessions(JsonNode document) {
        if (document == null) {
            return null;
        }
        if (document.isArray()) {
            return document;
        }
        JsonNode data = field(document, "Data");
        return data != null && data.isArray() ? data : null;
    }

    /** How many pages the API says there are; 1 when it does not say. */
    public static int pages(JsonNode document) {
        JsonNode pages = document == null ? null : field(document, "Pages");
        return pages != null && pages.canConvertToInt() ? pages.asInt() : 1;
    }

    /** Each session as text, numbered from firstLine. */
    public static List<ZaptecSessionReader.Raw> raw(JsonNode sessions, int firstLine) {
        List<ZaptecSessionReader.Raw> raws = new ArrayList<>();
        int line = firstLine;
        for (JsonNode session : sessions) {
            raws.add(session(session, line++));
        }
        return raws;
    }

    private static ZaptecSessionReader.Raw session(JsonNode session, int line) {
        List<ZaptecSessionReader.RawDetail> details = new ArrayList<>();
        JsonNode energyDetails = field(session, "EnergyDetails");
        if (energyDetails != null && energyDetails.isArray()) {
            for (JsonNode detail : energyDetails) {
                details.add(new ZaptecSessionReader.RawDetail(text(detail, "Timestamp"), text(detail, "Energy")));
            }
        }
        return new ZaptecSessionReader.Raw(line, text(session, "Id"), text(session, "ChargerId"),
                text(session, "DeviceId"), text(session, "DeviceName"), text(session, "StartDateTime"),
                text(session, "EndDateTime"), text(session, "Energy"), text(session, "UserId"),
                text(session, "UserEmail"), text(session, "UserFullName"), text(session, "TokenName"), details);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** A field by its name in any case, as Zaptec's PascalCase and a hand-written camelCase both occur. */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
