package org.evsettle.gateway.ocpp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.evsettle.gateway.ocpp.OcppFrame.Call;
import org.evsettle.gateway.ocpp.OcppFrame.CallError;
import org.evsettle.gateway.ocpp.OcppFrame.CallResult;

/**
 * Reads and writes OCPP-J frames (the JSON arrays of the RPC framework), independent of the OCPP
 * version. A frame that cannot be read throws {@link MalformedFrame}, carrying the message id
 * when one could be read, so that the caller can still answer it.
 */
public final class FrameCodec {

    /** OCPP-J: a message id is at most 36 characters. */
    public static final int MAX_MESSAGE_ID_LENGTH = 36;

    /** The message id of a CALLERROR about a frame whose own id could not be read. */
    public static final String UNKNOWN_MESSAGE_ID = "-1";

    private static final ObjectMapper JSON = OcppJson.mapper();

    private FrameCodec() {
    }

    public static OcppFrame decode(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw unreadable(text);
        }
        if (frame == null || !frame.isArray()) {
            throw new MalformedFrame(null, null, "The frame is not a JSON array");
        }
        String messageId = messageIdOf(frame);
        if (frame.size() == 0 || !frame.get(0).isInt()) {
            throw new MalformedFrame(null, messageId, "The frame does not start with a message type number");
        }
        int type = frame.get(0).intValue();
        switch (type) {
            case OcppFrame.CALL -> {
                requireShape(frame, type, messageId, 4);
                if (!frame.get(2).isTextual()) {
                    throw new MalformedFrame(type, messageId, "The action of a CALL must be a string");
                }
                if (!frame.get(3).isObject()) {
                    throw new MalformedFrame(type, messageId, "The payload of a CALL must be a JSON object");
                }
                if (messageId.length() > MAX_MESSAGE_ID_LENGTH) {
                    throw new MalformedFrame(ErrorCode.ProtocolError, type, messageId,
                            "The message id is longer than " + MAX_MESSAGE_ID_LENGTH + " characters");
                }
                return new Call(messageId, frame.get(2).textValue(), (ObjectNode) frame.get(3));
            }
            case OcppFrame.CALL_RESULT -> {
                requireShape(frame, type, messageId, 3);
                return new CallResult(messageId, frame.get(2));
            }
            case OcppFrame.CALL_ERROR -> {
                requireShape(frame, type, messageId, 5);
                return new CallError(messageId, frame.get(2).asText(), frame.get(3).asText(), frame.get(4));
            }
            default -> throw new MalformedFrame(type, messageId, "Unknown message type " + type);
        }
    }

    public static String encode(OcppFrame frame) {
        ArrayNode array = JSON.createArrayNode();
        if (frame instanceof Call call) {
            array.add(OcppFrame.CALL).add(call.messageId()).add(call.action()).add(call.payload());
        } else if (frame instanceof CallResult result) {
            array.add(OcppFrame.CALL_RESULT).add(result.messageId()).add(result.payload());
        } else if (frame instanceof CallError error) {
            array.add(OcppFrame.CALL_ERROR).add(error.messageId()).add(error.errorCode()).add(error.description())
                    .add(error.details() != null ? error.details() : JSON.createObjectNode());
        }
        return array.toString();
    }

    /** The CALLERROR that answers a CALL (or an unreadable frame) with the given error, as OCPP-J 1.6 spells it. */
    public static CallError errorFor(String messageId, OcppError error) {
        return errorFor(messageId, error, null);
    }

    /** The CALLERROR that answers a CALL (or an unreadable frame), its code spelled as the subprotocol spells it. */
    public static CallError errorFor(String messageId, OcppError error, String subprotocol) {
        ObjectNode details = JSON.createObjectNode();
        if (error.field() != null) {
            details.put("field", error.field());
        }
        return new CallError(messageId != null ? messageId : UNKNOWN_MESSAGE_ID, error.code().spelledFor(subprotocol),
                error.getMessage() != null ? error.getMessage() : "", details);
    }

    private static void requireShape(JsonNode frame, int type, String messageId, int elements) {
        if (frame.size() != elements) {
            throw new MalformedFrame(type, messageId,
                    "A frame of type " + type + " has " + elements + " elements, this one " + frame.size());
        }
        if (!frame.get(1).isTextual()) {
            throw new MalformedFrame(type, messageId, "The message id must be a string");
        }
    }

    /**
     * The error for a frame that is not valid JSON (cut short, too deeply nested, broken after its
     * id): when it starts like an OCPP-J frame, with a message type number and a string id, it carries
     * both, so that a CALL is answered with its own id and an answer is still never answered.
     */
    private static MalformedFrame unreadable(String text) {
        Integer type = null;
        String messageId = null;
        try (JsonParser parser = JSON.getFactory().createParser(text)) {
            if (parser.nextToken() == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() == JsonParser.NumberType.INT) {
                int number = parser.getIntValue();
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    type = number;
                    messageId = parser.getText();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not even the start is readable: answered with the id of an unreadable frame
        }
        return new MalformedFrame(type, messageId, "The frame is not valid JSON");
    }

    /** The id in the second element when it is readable (a string, or a number written as one). */
    private static String messageIdOf(JsonNode frame) {
        if (frame.size() < 2) {
            return null;
        }
        JsonNode id = frame.get(1);
        return id.isTextual() || id.isNumber() ? id.asText() : null;
    }

    /**
     * A frame that breaks the RPC framework; messageType is null when not even that could be read.
     * Answered with a FormationViolation, unless it was meant as an answer (never answer an answer).
     */
    public static final class MalformedFrame extends OcppError {

        private final Integer messageType;
        private final String messageId;

        MalformedFrame(Integer messageType, String messageId, String description) {
            this(ErrorCode.FormationViolation, messageType, messageId, description);
        }

        MalformedFrame(ErrorCode code, Integer messageType, String messageId, String description) {
            super(code, description);
            this.messageType = messageType;
            this.messageId = messageId;
        }

        public String messageId() {
            return messageId;
        }

        /** True for a well-formed array whose message type number OCPP-J does not define. */
        public boolean isUnknownType() {
            return messageType != null && messageType != OcppFrame.CALL && messageType != OcppFrame.CALL_RESULT
                    && messageType != OcppFrame.CALL_ERROR;
        }

        /** True when the frame claimed to be a CALLRESULT or CALLERROR. */
        public boolean isAnswer() {
            return messageType != null && (messageType == OcppFrame.CALL_RESULT || messageType == OcppFrame.CALL_ERROR);
        }
    }
}
