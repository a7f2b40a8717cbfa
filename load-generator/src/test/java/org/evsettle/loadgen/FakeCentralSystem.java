package org.evsettle.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A central system on a plain server socket with just enough WebSocket (RFC 6455) for OCPP-J, so that
 * the load generator's chargers are tested without a gateway: it records handshakes and frames,
 * answers CALLs (after a delay, if asked) and sends CALLs of its own. It speaks OCPP 2.0.1 and 1.6 and
 * chooses, as the gateway does, the first of the versions it speaks (2.0.1 before 1.6 unless told
 * otherwise) that the charger offered; it answers each connection's CALLs in that connection's version.
 */
final class FakeCentralSystem implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    static final String OCPP16 = "ocpp1.6";
    static final String OCPP201 = "ocpp2.0.1";

    /** What a charger sent at its handshake: the path and the headers, names in lower case. */
    record Handshake(String path, Map<String, String> headers) {

        /** The subprotocols the charger offered, in its order. */
        List<String> offered() {
            return Arrays.stream(headers.getOrDefault("sec-websocket-protocol", "").split(",")).map(String::trim)
                    .filter(offer -> !offer.isEmpty()).toList();
        }
    }

    private final ServerSocket server;
    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();
    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
    private final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    private final List<JsonNode> replies = new CopyOnWriteArrayList<>();
    private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Map<String, String> callErrors = new ConcurrentHashMap<>();
    private final Set<String> dropOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger mostOutstanding = new AtomicInteger();
    private volatile List<String> speaks = List.of(OCPP201, OCPP16);
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile int refuseWith;

    FakeCentralSystem() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        readers.execute(this::accept);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    /** The versions it speaks from now on, best first (it chooses the first a charger offers). */
    FakeCentralSystem speaks(String... subprotocols) {
        this.speaks = List.of(subprotocols);
        return this;
    }

    FakeCentralSystem answerAfter(Duration delay) {
        this.answerDelay = delay;
        return this;
    }

    FakeCentralSystem failCalls(String action, String errorCode) {
        callErrors.put(action, errorCode);
        return this;
    }

    /** Answers the next CALL of this action by closing the connection (1012, service restart) instead. */
    FakeCentralSystem dropOnce(String action) {
        dropOnce.add(action);
        return this;
    }

    /** Refuses every handshake from now on with this HTTP status. */
    FakeCentralSystem refuseWith(int status) {
        this.refuseWith = status;
        return this;
    }

    List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    /** The CALLs the chargers sent, as full frames, in the order they arrived. */
    List<JsonNode> calls() {
        return List.copyOf(calls);
    }

    List<String> actions() {
        return calls.stream().map(call -> call.get(2).asText()).toList();
    }

    /** The chargers' CALLRESULTs and CALLERRORs to this central system's CALLs. */
    List<JsonNode> replies() {
        return List.copyOf(replies);
    }

    /** The status codes of the close frames the chargers sent. */
    List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    /** The most CALLs that were waiting for their answer at the same time (a test runs one charger). */
    int mostOutstanding() {
        return mostOutstanding.get();
    }

    void sendToAll(String frame) {
        connections.forEach(connection -> connection.send(0x1, frame.getBytes(StandardCharsets.UTF_8)));
    }

    void closeAll(int statusCode) {
        byte[] payload = {(byte) (statusCode >> 8), (byte) statusCode};
        connections.forEach(connection -> connection.send(0x8, payload));
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.forEach(Connection::drop);
        readers.shutdownNow();
        answers.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                readers.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            Handshake handshake = readHandshake(in);
            handshakes.add(handshake);
            if (refuseWith != 0) {
                out.write(("HTTP/1.1 " + refuseWith + " Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((handshake.headers().get("sec-websocket-key") + WEBSOCKET_GUID).getBytes(StandardCharsets.ISO_8859_1)));
            List<String> offered = handshake.offered();
            String subprotocol = speaks.stream().filter(offered::contains).findFirst().orElse(OCPP16);
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: " + subprotocol + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            Connection connection = new Connection(socket, out, subprotocol);
            connections.add(connection);
            try {
                connection.read(in);
            } finally {
                connections.remove(connection);
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            // the charger went away
        }
    }

    private static Handshake readHandshake(DataInputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("The handshake ended early");
            }
            head.write(next);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Handshake(lines[0].split(" ")[1], headers);
    }

    private String answerTo(JsonNode call, String subprotocol) {
        String messageId = call.get(1).asText();
        String action = call.get(2).asText();
        String errorCode = callErrors.get(action);
        if (errorCode != null) {
            return JSON.createArrayNode().add(4).add(messageId).add(errorCode).add("failed on purpose")
                    .add(JSON.createObjectNode()).toString();
        }
        Map<String, Object> result = OCPP201.equals(subprotocol) ? answer201(action) : switch (action) {
            case "BootNotification" -> Map.of("status", "Accepted", "currentTime", "2026-01-05T10:00:00Z", "interval", 300);
            case "Authorize" -> Map.of("idTagInfo", Map.of("status", "Accepted"));
            case "StartTransaction" -> Map.of("transactionId", 7, "idTagInfo", Map.of("status", "Accepted"));
            case "Heartbeat" -> Map.of("currentTime", "2026-01-05T10:00:00Z");
            default -> Map.of();
        };
        return JSON.createArrayNode().add(3).add(messageId).add(JSON.valueToTree(result)).toString();
    }

    private static Map<String, Object> answer201(String action) {
        return switch (action) {
            case "BootNotification" -> Map.of("status", "Accepted", "currentTime", "2026-01-05T10:00:00Z", "interval", 300);
            case "Authorize" -> Map.of("idTokenInfo", Map.of("status", "Accepted"));
            case "TransactionEvent" -> Map.of("idTokenInfo", Map.of("status", "Accepted"));
            case "Heartbeat" -> Map.of("currentTime", "2026-01-05T10:00:00Z");
            default -> Map.of();
        };
    }

    /** One charger's open WebSocket. */
    private final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final String subprotocol;

        Connection(Socket socket, OutputStream out, String subprotocol) {
            this.socket = socket;
            this.out = out;
            this.subprotocol = subprotocol;
        }

        void read(DataInputStream in) throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] mask = new byte[4];
                in.readFully(mask);
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                int opcode = first & 0x0F;
                if (opcode == 0x8) {
                    closeCodes.add(payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005);
                    send(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                    return;
                }
                if (opcode == 0x9) {
                    send(0xA, payload);
                    continue;
                }
                message.write(payload);
                if ((first & 0x80) != 0 && opcode != 0xA) {
                    received(JSON.readTree(message.toString(StandardCharsets.UTF_8)));
                    message.reset();
                }
            }
        }

        private void received(JsonNode frame) {
            if (frame.get(0).asInt() != 2) {
                replies.add(frame);
                return;
            }
            calls.add(frame);
            if (dropOnce.remove(frame.get(2).asText())) {
                send(0x8, new byte[] {(byte) (1012 >> 8), (byte) (1012 & 0xFF)});
                drop();
                return;
            }
            mostOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            Runnable answer = () -> {
                outstanding.decrementAndGet();
                send(0x1, answerTo(frame, subprotocol).getBytes(StandardCharsets.UTF_8));
            };
            if (answerDelay.isZero()) {
                answer.run();
            } else {
                answers.schedule(answer, answerDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        synchronized void send(int opcode, byte[] payload) {
            try {
                out.write(0x80 | opcode);
                if (payload.length < 126) {
                    out.write(payload.length);
                } else {
                    out.write(126);
                    out.write(payload.length >> 8);
                    out.write(payload.length & 0xFF);
                }
                out.write(payload);
                out.flush();
            } catch (IOException e) {
                drop();
            }
        }

        void drop() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
