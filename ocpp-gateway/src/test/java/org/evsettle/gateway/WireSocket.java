package org.evsettle.gateway;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client written on a plain TCP socket, for what no WebSocket library sends: any header
 * (or none), frames of any opcode, fragments and continuations in any order, invalid UTF-8 in a text
 * frame. It binds to a chosen local address, so that one test can come from many loopback addresses
 * (127.0.0.0/8). Frames from the server land in a queue, fragments joined; pings are answered.
 */
final class WireSocket implements AutoCloseable {

    static final int CONTINUATION = 0;
    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;

    /** A frame (or a message joined from fragments) the server sent. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame, or -1. */
        int closeCode() {
            return opcode == CLOSE && payload.length >= 2 ? (payload[0] & 0xFF) << 8 | payload[1] & 0xFF : -1;
        }
    }

    /** The answer to the upgrade request: its status and headers, and the socket when it was 101. */
    record Upgrade(int status, Map<String, String> headers, WireSocket socket) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final BlockingQueue<Frame> received = new LinkedBlockingQueue<>();
    /** Completes with the close code (or -1 when the socket just ended). */
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private WireSocket(Socket socket, InputStream in) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
    }

    /** The headers of a well-behaved OCPP 1.6 charger: HTTP Basic and the subprotocol. */
    static List<String> ocppHeaders(String chargePointId, String password) {
        return List.of("Authorization: Basic " + Base64.getEncoder().encodeToString(
                (chargePointId + ":" + password).getBytes(StandardCharsets.UTF_8)), "Sec-WebSocket-Protocol: ocpp1.6");
    }

    /** Opens /ocpp/{chargePointId} from this local address with these headers, as a charger would. */
    static Upgrade open(URI gateway, String localAddress, String chargePointId, String password) {
        return open(gateway, localAddress, "/ocpp/" + chargePointId, ocppHeaders(chargePointId, password), true);
    }

    /**
     * Sends an upgrade request for this raw path (not encoded further) with these header lines;
     * {@code websocket} adds the headers of the WebSocket handshake (key, version, upgrade).
     */
    static Upgrade open(URI gateway, String localAddress, String rawPath, List<String> headers, boolean websocket) {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(gateway.getHost(), gateway.getPort()), 10_000);
            socket.setSoTimeout(15_000);
            StringBuilder request = new StringBuilder("GET ").append(rawPath).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(gateway.getHost()).append(':').append(gateway.getPort()).append("\r\n");
            if (websocket) {
                byte[] key = new byte[16];
                ThreadLocalRandom.current().nextBytes(key);
                request.append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                        .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n");
            }
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = readLine(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> answered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                answered.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            if (status != 101) {
                socket.close();
                return new Upgrade(status, answered, null);
            }
            socket.setSoTimeout(0);
            WireSocket wire = new WireSocket(socket, in);
            Thread reader = new Thread(wire::read, "wire-socket-reader");
            reader.setDaemon(true);
            reader.start();
            return new Upgrade(status, answered, wire);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that failed
            }
            throw new IllegalStateException("The upgrade request failed: " + e, e);
        }
    }

    void sendText(String text) {
        send(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one frame, masked as a client must. */
    synchronized void send(int opcode, boolean fin, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            long length = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (length >>> shift) & 0xFF);
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask, 0, 4);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        frame.write(masked, 0, masked.length);
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            // the server closed the connection; what it said is in closed
        }
    }

    /** The next data or close frame from the server, or null when none came within the timeout. */
    Frame next(Duration timeout) {
        try {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            send(CLOSE, true, new byte[] {0x03, (byte) 0xE8});
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void read() {
        ByteArrayOutputStream message = null;
        int messageOpcode = 0;
        try {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    throw new EOFException();
                }
                boolean fin = (first & 0x80) != 0;
                int opcode = first & 0x0F;
                int second = readByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = (long) readByte() << 8 | readByte();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = length << 8 | readByte();
                    }
                }
                byte[] payload = in.readNBytes((int) length);
                if (payload.length < length) {
                    throw new EOFException();
                }
                if (opcode == PING) {
                    send(PONG, true, payload);
                } else if (opcode == CLOSE) {
                    received.add(new Frame(CLOSE, payload));
                    closed.complete(new Frame(CLOSE, payload).closeCode());
                    send(CLOSE, true, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                    socket.close();
                    return;
                } else if (opcode == TEXT || opcode == BINARY || opcode == CONTINUATION) {
                    if (opcode != CONTINUATION) {
                        message = new ByteArrayOutputStream();
                        messageOpcode = opcode;
                    }
                    if (message != null) {
                        message.write(payload, 0, payload.length);
                        if (fin) {
                            received.add(new Frame(messageOpcode, message.toByteArray()));
                            message = null;
                        }
                    }
                }
            }
        } catch (IOException e) {
            closed.complete(-1);
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("The server closed the connection before its answer ended");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The gateway's frames until it falls silent for the given time (for the end of a test). */
    List<Frame> drain(Duration quiet) {
        List<Frame> frames = new ArrayList<>();
        for (Frame frame = next(quiet); frame != null; frame = next(quiet)) {
            frames.add(frame);
        }
        return frames;
    }
}
