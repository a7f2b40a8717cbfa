package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.evsettle.events.EventJson;
import org.evsettle.gateway.ocpp.ErrorCode;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated frames, and malformed handshakes, against the running gateway over
 * real WebSocket connections. Each frame has what OCPP-J says must follow: the CALLRESULT or a
 * CALLERROR with a known code (never InternalError: that is a handler that broke) for a CALL whose id
 * can be read; a CALLERROR FormationViolation with id "-1" for text that is no frame at all; nothing
 * for answers to calls never made and for unknown message types; the close a WebSocket must send for
 * a frame over the size limit or against the protocol. After every frame that leaves the connection
 * usable, a Heartbeat must still be answered on it, and nothing else may come in between. At the
 * end a fresh charger connects and boots, and the heap (after GC) has grown by less than
 * {@link #HEAP_MARGIN_BYTES}. The random is seeded; a failure prints the seed, and
 * {@code -Dfuzz.seed=<seed>} replays it ({@code -Dfuzz.frames=} changes how many frames).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OcppFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final int FRAMES = Integer.getInteger("fuzz.frames", 3_000);
    private static final int FRAME_LIMIT = 1_048_576;
    private static final long HEAP_MARGIN_BYTES = 64L * 1024 * 1024;
    private static final String ADDRESS = "127.0.7.1";
    /**
     * RFC 6455 section 7.1.7: a protocol error fails the connection; the close frame (1002) before the
     * socket ends is a SHOULD, and the HTTP server (Netty) ends the socket at once (-1 here).
     */
    private static final Set<Integer> PROTOCOL_ERROR = Set.of(1002, -1);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> CODES = EnumSet.allOf(ErrorCode.class).stream().map(Enum::name)
            .collect(Collectors.toSet());
    /** What a charge point sends: their payloads, valid as they are. */
    private static final Map<String, String> VALID = Map.of(
            "Heartbeat", "{}",
            "Authorize", "{\"idTag\":\"04A2B3C4D5E6F7\"}",
            "StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}",
            "DataTransfer", "{\"vendorId\":\"com.example\",\"messageId\":\"x\",\"data\":\"y\"}",
            "BootNotification", "{\"chargePointVendor\":\"Zaptec\",\"chargePointModel\":\"Go2\"}",
            "DiagnosticsStatusNotification", "{\"status\":\"Idle\"}",
            "FirmwareStatusNotification", "{\"status\":\"Idle\"}");
    /** Actions the central system sends, never receives. */
    private static final List<String> CENTRAL_SYSTEM_ACTIONS = List.of("Reset", "RemoteStartTransaction",
            "ChangeConfiguration", "GetConfiguration", "UnlockConnector", "TriggerMessage");

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();
    private final Random random = new Random(SEED);
    private GatewayFixtures.Site site;
    private WireSocket socket;
    private int probes;
    private final Map<String, Integer> outcomes = new TreeMap<>();

    /** What must follow a frame. */
    private enum Expect {
        /** the CALLRESULT to this id */
        RESULT,
        /** a CALLRESULT or a CALLERROR (a known code, not InternalError) to this id */
        ANSWER,
        /** a CALLERROR with this code to this id */
        ERROR,
        /** nothing at all */
        NOTHING,
        /** nothing, or CALLERRORs that follow the rules: for frames mutated at random */
        ANYTHING_VALID,
        /** the connection closes with one of these codes */
        CLOSE
    }

    /** One fuzzed frame (or frames), with what must follow. */
    private record Case(String kind, Expect expect, String messageId, String errorCode, Set<Integer> closeCodes,
                        int answers, java.util.function.Consumer<WireSocket> send, String shown) {
    }

    @Test
    void answersThousandsOfRandomAndMutatedFramesAsOcppJSaysAndStaysUp() throws Exception {
        System.out.printf("OcppFuzzTest seed %d (replay: -Dfuzz.seed=%d), %d frames%n", SEED, SEED, FRAMES);
        site = fixtures.aSite();
        GatewayFixtures.connect(gateway(), site).close();
        socket = open();
        for (int i = 0; i < 100; i++) {
            run(validCall(), i);
        }
        long heapBefore = heapAfterGc();

        for (int i = 0; i < FRAMES; i++) {
            run(nextCase(), i);
        }
        socket.close();
        long heapAfter = heapAfterGc();
        System.out.printf("OcppFuzzTest seed %d: %s; heap after GC %d MB before, %d MB after%n", SEED, outcomes,
                heapBefore >> 20, heapAfter >> 20);

        assertThat(heapAfter - heapBefore).as("heap growth (seed %d)", SEED).isLessThan(HEAP_MARGIN_BYTES);
        GatewayFixtures.Site fresh = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), fresh)) {
            assertThat(charger.call("BootNotification", GatewayFixtures.boot()).get("status").asText())
                    .isEqualTo("Accepted");
        }
    }

    @Test
    void refusesMalformedHandshakesWithAClientErrorAndNeverUpgradesThem() throws Exception {
        System.out.printf("OcppFuzzTest seed %d (replay: -Dfuzz.seed=%d)%n", SEED, SEED);
        GatewayFixtures.Site known = fixtures.aSite();
        GatewayFixtures.connect(gateway(), known).close();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            MalformedHandshake handshake = malformedHandshake(known.chargePointId());
            int status;
            try {
                WireSocket.Upgrade upgrade = WireSocket.open(gateway(), "127.0.7." + (2 + random.nextInt(50)),
                        handshake.path(), handshake.headers(), handshake.websocket());
                status = upgrade.status();
                if (upgrade.socket() != null) {
                    upgrade.socket().close();
                }
            } catch (IllegalStateException e) {
                // an oversized request may be cut off before its answer is read; the gateway stays up (below)
                status = -1;
            }
            statuses.merge(status, 1, Integer::sum);
            if (status != -1 && (status < 400 || status >= 500)) {
                fail("Handshake %s answered %d (seed %d)", handshake, status, SEED);
            }
        }
        System.out.printf("Malformed handshakes answered %s%n", statuses);
        assertThat(statuses).containsKeys(400, 401);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), known)) {
            assertThat(charger.call("BootNotification", GatewayFixtures.boot()).get("status").asText())
                    .isEqualTo("Accepted");
        }
    }

    private record MalformedHandshake(String what, String path, List<String> headers, boolean websocket) {
        @Override
        public String toString() {
            String shownPath = path.length() > 80 ? path.substring(0, 80) + "..." : path;
            return what + " " + shownPath;
        }
    }

    private MalformedHandshake malformedHandshake(String knownId) {
        String id = random.nextBoolean() ? knownId : "FUZZ-" + Long.toString(random.nextLong() >>> 1, 36);
        List<String> ocpp = WireSocket.ocppHeaders(id, "not-the-password-" + random.nextInt());
        String protocol = "Sec-WebSocket-Protocol: ocpp1.6";
        String basic = ocpp.get(0);
        return switch (random.nextInt(16)) {
            case 0 -> new MalformedHandshake("id with a space", "/ocpp/A%20B", List.of(protocol, basic), true);
            case 1 -> new MalformedHandshake("id with a slash", "/ocpp/A%2FB", List.of(protocol, basic), true);
            case 2 -> new MalformedHandshake("id of 49 characters", "/ocpp/" + "Z".repeat(49), List.of(protocol, basic), true);
            case 3 -> new MalformedHandshake("id of control or non-ASCII characters",
                    "/ocpp/" + pick("%00", "%C3%A9", "%0A", "%7F", "%E2%80%AE"), List.of(protocol, basic), true);
            case 4 -> new MalformedHandshake("broken percent-encoding", "/ocpp/" + pick("%ZZ", "%", "%C3", "A%2"),
                    List.of(protocol, basic), true);
            case 5 -> new MalformedHandshake("no id or a deeper path", pick("/ocpp/", "/ocpp", "/ocpp/a/b", "/ocpp//"),
                    List.of(protocol, basic), true);
            case 6 -> new MalformedHandshake("a path of 20,000 characters", "/ocpp/" + "Y".repeat(20_000),
                    List.of(protocol, basic), true);
            case 7 -> new MalformedHandshake("a bad Basic header", "/ocpp/" + id, List.of(protocol, pick(
                    "Authorization: Basic", "Authorization: Basic ", "Authorization: Basic !!!!",
                    "Authorization: Bearer abc.def.ghi", "Authorization: Basic " + b64("no-colon-at-all"),
                    "Authorization: Basic " + b64("SOMEONE-ELSE:" + GatewayFixtures.PASSWORD),
                    "Authorization: Basic " + b64(id + ":"), "Authorization: Digest username=\"" + id + "\"",
                    "Authorization: Basic " + b64(id + ":\u0000\u00ff\uffff"))), true);
            case 8 -> new MalformedHandshake("no Authorization", "/ocpp/" + id, List.of(protocol), true);
            case 9 -> new MalformedHandshake("a huge Authorization header", "/ocpp/" + id,
                    List.of(protocol, "Authorization: Basic " + b64(id + ":" + "p".repeat(20_000 + random.nextInt(80_000)))),
                    true);
            case 10 -> new MalformedHandshake("a huge header", "/ocpp/" + id,
                    List.of(protocol, basic, "X-Junk: " + "j".repeat(10_000 + random.nextInt(100_000))), true);
            case 11 -> new MalformedHandshake("a wrong subprotocol", "/ocpp/" + id, List.of(basic, pick(
                    "Sec-WebSocket-Protocol: ocpp2.0.1", "Sec-WebSocket-Protocol: OCPP1.6x",
                    "Sec-WebSocket-Protocol: ,,,", "Sec-WebSocket-Protocol: ocpp1.5",
                    "Sec-WebSocket-Protocol: " + "ocpp1.5,".repeat(500) + "ocpp2.0")), true);
            case 12 -> new MalformedHandshake("no subprotocol", "/ocpp/" + id, List.of(basic), true);
            case 13 -> new MalformedHandshake("no WebSocket upgrade", "/ocpp/" + id, List.of(protocol, basic), false);
            case 14 -> new MalformedHandshake("a wrong WebSocket version", "/ocpp/" + id,
                    List.of(protocol, basic, "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 8",
                            "Sec-WebSocket-Key: " + b64("0123456789abcdef")), false);
            default -> new MalformedHandshake("many headers", "/ocpp/" + id, manyHeaders(protocol, basic), true);
        };
    }

    private static List<String> manyHeaders(String protocol, String basic) {
        List<String> headers = new ArrayList<>(List.of(protocol, basic));
        for (int i = 0; i < 2_000; i++) {
            headers.add("X-Many-" + i + ": " + i);
        }
        return headers;
    }

    private Case nextCase() {
        int pick = random.nextInt(100);
        if (pick < 10) {
            return validCall();
        } else if (pick < 30) {
            return mutatedPayload();
        } else if (pick < 35) {
            return payloadNotAnObject();
        } else if (pick < 40) {
            return unknownAction();
        } else if (pick < 45) {
            return wrongMessageType();
        } else if (pick < 50) {
            return wrongShape();
        } else if (pick < 53) {
            return duplicateIds();
        } else if (pick < 58) {
            return answerToNothing();
        } else if (pick < 63) {
            return notAFrame();
        } else if (pick < 68) {
            return cutShort();
        } else if (pick < 71) {
            return deepNesting();
        } else if (pick < 74) {
            return hugeString();
        } else if (pick < 76) {
            return invalidUtf8();
        } else if (pick < 79) {
            return binaryFrame();
        } else if (pick < 85) {
            return fragmented();
        } else if (pick < 87) {
            return continuationOutOfPlace();
        } else if (pick < 88) {
            return overTheLimit();
        }
        return mutatedBytes();
    }

    private Case validCall() {
        String action = pick(VALID.keySet().toArray(String[]::new));
        String id = messageId();
        String frame = "[2,\"" + id + "\",\"" + action + "\"," + VALID.get(action) + "]";
        return text("valid " + action, Expect.RESULT, id, null, frame);
    }

    private Case mutatedPayload() {
        String action = pick(VALID.keySet().toArray(String[]::new));
        ObjectNode payload = (ObjectNode) readTree(VALID.get(action));
        List<String> fields = new ArrayList<>();
        payload.fieldNames().forEachRemaining(fields::add);
        switch (random.nextInt(4)) {
            case 0 -> {
                if (!fields.isEmpty()) {
                    payload.set(fields.get(random.nextInt(fields.size())), randomJson(3));
                }
            }
            case 1 -> {
                if (!fields.isEmpty()) {
                    payload.remove(fields.get(random.nextInt(fields.size())));
                }
            }
            case 2 -> payload.set("x" + random.nextInt(100), randomJson(3));
            default -> payload.set(fields.isEmpty() ? "idTag" : fields.get(0), NODES.textNode(randomText(20 + random.nextInt(600))));
        }
        String id = messageId();
        return text("mutated " + action, Expect.ANSWER, id, null, frame(2, id, action, payload));
    }

    private Case payloadNotAnObject() {
        String id = messageId();
        JsonNode payload = pick(NODES.arrayNode(), NODES.numberNode(random.nextInt()), NODES.textNode("{}"),
                NODES.nullNode(), NODES.booleanNode(true));
        return text("payload not an object", Expect.ERROR, id, "FormationViolation",
                frame(2, id, "Heartbeat", payload));
    }

    private Case unknownAction() {
        String id = messageId();
        if (random.nextBoolean()) {
            String action = pick(CENTRAL_SYSTEM_ACTIONS.toArray(String[]::new));
            return text("central system action " + action, Expect.ERROR, id, "NotSupported",
                    frame(2, id, action, NODES.objectNode()));
        }
        String action = pick("heartbeat", "", "Heartbeat ", "BootNotification2", randomText(1 + random.nextInt(40)),
                "x".repeat(5_000));
        return text("unknown action", Expect.ERROR, id, "NotImplemented", frame(2, id, action, NODES.objectNode()));
    }

    private Case wrongMessageType() {
        String id = messageId();
        int type = pick(0, 1, 5, 6, 99, -1, 1_000_000, Integer.MAX_VALUE);
        if (random.nextInt(3) == 0) {
            String notANumber = pick("\"2\"", "2.5", "true", "null", "[2]", "{}");
            return text("message type " + notANumber, Expect.ERROR, id, "FormationViolation",
                    "[" + notANumber + ",\"" + id + "\",\"Heartbeat\",{}]");
        }
        return text("message type " + type, Expect.NOTHING, id, null, "[" + type + ",\"" + id + "\",\"Heartbeat\",{}]");
    }

    private Case wrongShape() {
        String id = messageId();
        return switch (random.nextInt(5)) {
            case 0 -> text("a CALL of three elements", Expect.ERROR, id, "FormationViolation",
                    "[2,\"" + id + "\",\"Heartbeat\"]");
            case 1 -> text("a CALL of five elements", Expect.ERROR, id, "FormationViolation",
                    "[2,\"" + id + "\",\"Heartbeat\",{},{}]");
            case 2 -> text("an action that is no string", Expect.ERROR, id, "FormationViolation",
                    "[2,\"" + id + "\"," + pick("17", "null", "{}", "[\"Heartbeat\"]", "true") + ",{}]");
            case 3 -> {
                String longId = "L" + randomAlphanumeric(36 + random.nextInt(200));
                yield text("a message id over 36 characters", Expect.ERROR, longId, "ProtocolError",
                        "[2,\"" + longId + "\",\"Heartbeat\",{}]");
            }
            default -> {
                String numeric = Integer.toString(random.nextInt(1_000_000));
                yield text("a message id that is a number", Expect.ERROR, numeric, "FormationViolation",
                        "[2," + numeric + ",\"Heartbeat\",{}]");
            }
        };
    }

    private Case duplicateIds() {
        String id = messageId();
        String frame = "[2,\"" + id + "\",\"Heartbeat\",{}]";
        return new Case("the same id twice", Expect.RESULT, id, null, null, 2, s -> {
            s.sendText(frame);
            s.sendText(frame);
        }, frame);
    }

    private Case answerToNothing() {
        String id = messageId();
        String frame = pick("[3,\"" + id + "\",{\"status\":\"Accepted\"}]",
                "[4,\"" + id + "\",\"GenericError\",\"no\",{}]", "[3,\"" + id + "\"]", "[4,\"" + id + "\",17]",
                "[3,\"" + id + "\"," + randomJson(4) + "]", "[3,\"" + id + "\",{\"a\":");
        return text("an answer to a call never made", Expect.NOTHING, id, null, frame);
    }

    private Case notAFrame() {
        if (random.nextInt(4) == 0) {
            // random JSON may be an array that starts like a frame: then only the rules in general apply
            return text("random JSON", Expect.ANYTHING_VALID, null, null, randomJson(4).toString());
        }
        String frame = pick("", " ", "null", "{}", "[]", "\"text\"", "17", "{\"action\":\"Heartbeat\"}",
                randomText(1 + random.nextInt(300)), "[[[[", "]", "[", "[2", "[2,");
        if (frame.startsWith("[") && frame.length() > 1 && !frame.startsWith("[[") && !frame.startsWith("[2")) {
            return text("random text", Expect.ANYTHING_VALID, null, null, frame);
        }
        return text("not a frame", Expect.ERROR, "-1", "FormationViolation", frame);
    }

    private Case cutShort() {
        String id = messageId();
        String whole = "[2,\"" + id + "\",\"Authorize\",{\"idTag\":\"04A2B3C4\"}]";
        // cut after the id: the id can be read, so the CALL is answered with it
        int cut = whole.indexOf(',', whole.indexOf(id)) + 1 + random.nextInt(whole.length() - whole.indexOf(id) - id.length() - 2);
        return text("a CALL cut short", Expect.ERROR, id, "FormationViolation", whole.substring(0, cut));
    }

    private Case deepNesting() {
        String id = messageId();
        int depth = pick(50, 500, 999, 1_001, 5_000, 100_000);
        String nested = "[".repeat(depth) + "]".repeat(depth);
        if (random.nextBoolean()) {
            return text("top-level nesting of " + depth, Expect.ERROR, "-1", "FormationViolation", nested);
        }
        return text("a payload nested " + depth + " deep", Expect.ANSWER, id, null,
                "[2,\"" + id + "\",\"DataTransfer\",{\"vendorId\":\"com.example\",\"data\":" + nested + "}]");
    }

    private Case hugeString() {
        String id = messageId();
        int length = pick(21, 1_000, 100_000, FRAME_LIMIT - 200);
        if (random.nextBoolean()) {
            return text("an idTag of " + length, Expect.ANSWER, id, null,
                    "[2,\"" + id + "\",\"Authorize\",{\"idTag\":\"" + "A".repeat(length) + "\"}]");
        }
        return text("DataTransfer data of " + length, Expect.ANSWER, id, null,
                "[2,\"" + id + "\",\"DataTransfer\",{\"vendorId\":\"com.example\",\"data\":\"" + "d".repeat(length) + "\"}]");
    }

    private Case overTheLimit() {
        String frame = "[2,\"" + messageId() + "\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":\""
                + "o".repeat(FRAME_LIMIT + random.nextInt(1_000)) + "\"}]";
        // 1009, or the socket just ends: the server closes it while the rest of the frame is still coming
        return new Case("a frame over the limit", Expect.CLOSE, null, null, Set.of(1009, -1), 0, s -> s.sendText(frame),
                "(over the limit)");
    }

    private Case invalidUtf8() {
        String id = messageId();
        byte[] start = ("[2,\"" + id + "\",\"Authorize\",{\"idTag\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] bad = pick(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC3});
        byte[] end = "\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] frame = concat(start, bad, end);
        // RFC 6455 section 8.1: a text frame that is not UTF-8 fails the connection with 1007
        return new Case("invalid UTF-8", Expect.CLOSE, id, null, Set.of(1007), 0,
                s -> s.send(WireSocket.TEXT, true, frame), new String(frame, StandardCharsets.ISO_8859_1));
    }

    private Case binaryFrame() {
        byte[] payload = random.nextBoolean() ? ("[2,\"" + messageId() + "\",\"Heartbeat\",{}]").getBytes(StandardCharsets.UTF_8)
                : randomBytes(random.nextInt(2_000));
        // OCPP-J uses text frames only: a binary frame is not a message of the protocol, so nothing answers it
        return new Case("a binary frame", Expect.NOTHING, null, null, null, 0,
                s -> s.send(WireSocket.BINARY, true, payload), "(binary " + payload.length + " bytes)");
    }

    private Case fragmented() {
        String id = messageId();
        String action = pick(VALID.keySet().toArray(String[]::new));
        byte[] whole = ("[2,\"" + id + "\",\"" + action + "\"," + VALID.get(action) + "]").getBytes(StandardCharsets.UTF_8);
        int pieces = 2 + random.nextInt(Math.min(6, whole.length - 1));
        boolean pingBetween = random.nextBoolean();
        return new Case("a CALL in " + pieces + " fragments", Expect.RESULT, id, null, null, 1, s -> {
            int[] cuts = random.ints(pieces - 1, 1, whole.length).sorted().distinct().toArray();
            int from = 0;
            for (int i = 0; i <= cuts.length; i++) {
                int to = i < cuts.length ? cuts[i] : whole.length;
                s.send(i == 0 ? WireSocket.TEXT : WireSocket.CONTINUATION, to == whole.length,
                        Arrays.copyOfRange(whole, from, to));
                if (pingBetween && i == 0) {
                    // a control frame may come between the fragments of a message
                    s.send(WireSocket.PING, true, "between".getBytes(StandardCharsets.UTF_8));
                }
                from = to;
            }
        }, new String(whole, StandardCharsets.UTF_8));
    }

    private Case continuationOutOfPlace() {
        String frame = "[2,\"" + messageId() + "\",\"Heartbeat\",{}]";
        if (random.nextBoolean()) {
            return new Case("a continuation without a start", Expect.CLOSE, null, null, PROTOCOL_ERROR, 0,
                    s -> s.send(WireSocket.CONTINUATION, true, frame.getBytes(StandardCharsets.UTF_8)), frame);
        }
        return new Case("a new message before the last one ended", Expect.CLOSE, null, null, PROTOCOL_ERROR, 0, s -> {
            s.send(WireSocket.TEXT, false, "[2,\"a".getBytes(StandardCharsets.UTF_8));
            s.send(WireSocket.TEXT, true, frame.getBytes(StandardCharsets.UTF_8));
        }, frame);
    }

    private Case mutatedBytes() {
        String action = pick(VALID.keySet().toArray(String[]::new));
        char[] frame = ("[2,\"" + messageId() + "\",\"" + action + "\"," + VALID.get(action) + "]").toCharArray();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
            frame[random.nextInt(frame.length)] = pick('[', ']', '{', '}', '"', ',', ':', '2', '3', '4', 'x', ' ', '\\');
        }
        return text("mutated characters", Expect.ANYTHING_VALID, null, null, new String(frame));
    }

    private Case text(String kind, Expect expect, String messageId, String errorCode, String frame) {
        return new Case(kind, expect, messageId, errorCode, null, 1, s -> s.sendText(frame), frame);
    }

    /** Sends the case, checks what follows it, and checks that the connection still answers a Heartbeat. */
    private void run(Case fuzzed, int index) throws Exception {
        outcomes.merge(fuzzed.kind().replaceAll(" [0-9]+.*| of [0-9]+| [0-9]+ deep", ""), 1, Integer::sum);
        fuzzed.send().accept(socket);
        if (fuzzed.expect() == Expect.CLOSE) {
            Integer code = null;
            try {
                code = socket.closed.get(ANSWER_WITHIN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                check(false, fuzzed, index, "left the connection open (and answered " + socket.drain(Duration.ofSeconds(1))
                        .stream().map(WireSocket.Frame::text).toList() + ")");
            }
            check(fuzzed.closeCodes().contains(code), fuzzed, index, "closed with " + code);
            socket.close();
            socket = open();
            return;
        }
        String probe = "probe-" + probes++;
        socket.sendText("[2,\"" + probe + "\",\"Heartbeat\",{}]");
        List<JsonNode> before = new ArrayList<>();
        while (true) {
            WireSocket.Frame frame = socket.next(ANSWER_WITHIN);
            check(frame != null, fuzzed, index, "no answer to the Heartbeat after it within " + ANSWER_WITHIN);
            check(frame.opcode() == WireSocket.TEXT, fuzzed, index, "the connection ended: " + frame.closeCode());
            JsonNode answer = readTree(frame.text());
            if (isConfigurationCall(answer)) {
                continue; // after an accepted boot the gateway reads the charger's configuration: not an answer
            }
            checkFollowsOcppJ(answer, fuzzed, index);
            if (answer.get(1).asText().equals(probe)) {
                check(answer.get(0).asInt() == 3, fuzzed, index, "the Heartbeat was answered " + answer);
                break;
            }
            before.add(answer);
        }
        switch (fuzzed.expect()) {
            case NOTHING -> check(before.isEmpty(), fuzzed, index, "answered " + before);
            case ANYTHING_VALID -> check(before.size() <= 1, fuzzed, index, "answered more than once: " + before);
            default -> {
                check(before.size() == fuzzed.answers(), fuzzed, index, "answered " + before);
                for (JsonNode answer : before) {
                    check(answer.get(1).asText().equals(fuzzed.messageId()), fuzzed, index, "answered " + answer);
                    int type = answer.get(0).asInt();
                    String code = type == 4 ? answer.get(2).asText() : null;
                    switch (fuzzed.expect()) {
                        case RESULT -> check(type == 3, fuzzed, index, "answered " + answer);
                        case ERROR -> check(type == 4 && fuzzed.errorCode().equals(code), fuzzed, index,
                                "answered " + abbreviated(answer.toString()));
                        default -> check(type == 3 || !"InternalError".equals(code), fuzzed, index,
                                "answered " + abbreviated(answer.toString()));
                    }
                }
            }
        }
    }

    /** The gateway's own GetConfiguration or ChangeConfiguration CALL (the billing configuration at boot). */
    private static boolean isConfigurationCall(JsonNode frame) {
        return frame.isArray() && frame.size() == 4 && frame.get(0).asInt() == 2 && frame.get(1).isTextual()
                && Set.of("GetConfiguration", "ChangeConfiguration").contains(frame.get(2).asText())
                && frame.get(3).isObject();
    }

    /** Every other frame the gateway sends on its own connection: a CALLRESULT or a CALLERROR of the OCPP-J form. */
    private static void checkFollowsOcppJ(JsonNode answer, Case fuzzed, int index) {
        boolean result = answer.isArray() && answer.size() == 3 && answer.get(0).asInt() == 3
                && answer.get(1).isTextual() && answer.get(2).isObject();
        boolean error = answer.isArray() && answer.size() == 5 && answer.get(0).asInt() == 4
                && answer.get(1).isTextual() && CODES.contains(answer.get(2).asText()) && answer.get(3).isTextual()
                && answer.get(4).isObject();
        check(result || error, fuzzed, index, "sent a frame that is not OCPP-J: " + abbreviated(answer.toString()));
    }

    private static void check(boolean holds, Case fuzzed, int index, String what) {
        if (!holds) {
            fail("Frame %d (%s: %s) %s. Replay with -Dfuzz.seed=%d", index, fuzzed.kind(), abbreviated(fuzzed.shown()),
                    what, SEED);
        }
    }

    private WireSocket open() {
        WireSocket.Upgrade upgrade = WireSocket.open(gateway(), ADDRESS, site.chargePointId(), GatewayFixtures.PASSWORD);
        assertThat(upgrade.status()).isEqualTo(101);
        return upgrade.socket();
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private String messageId() {
        return "f" + Long.toString(random.nextLong() >>> 1, 36);
    }

    private JsonNode randomJson(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> random.nextBoolean() ? NODES.numberNode(random.nextLong()) : NODES.numberNode(random.nextDouble() * 1e9);
            case 3 -> NODES.textNode(randomText(random.nextInt(30)));
            case 4 -> NODES.numberNode(new java.math.BigInteger(200, random));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomText(1 + random.nextInt(8)), randomJson(depth - 1));
                }
                yield object;
            }
        };
    }

    /** Text of any Unicode characters (no lone surrogates: those cannot be sent as UTF-8). */
    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> 0xA0 + random.nextInt(0xD7FF - 0xA0);
                default -> 0x10000 + random.nextInt(0x10FFFF - 0x10000);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private String randomAlphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String frame(int type, String id, String action, JsonNode payload) {
        ArrayNode frame = NODES.arrayNode().add(type).add(id).add(action).add(payload);
        return frame.toString();
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("The gateway sent text that is not JSON: " + abbreviated(text), e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviated(String text) {
        return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + ")" : text;
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
