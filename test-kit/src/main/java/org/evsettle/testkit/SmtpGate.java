package org.evsettle.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stub SMTP front for the devstack's mail server, for the failures a real one has: it passes every
 * exchange through to the server behind it, except that it can be down (its port refuses connections)
 * and refuse recipients (a 550 for RCPT TO of an address it was told to refuse). It hides PIPELINING
 * from EHLO so that each command waits for its reply and a refusal answers the right command.
 */
public final class SmtpGate implements AutoCloseable {

    private final int port;
    private final int serverPort;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    private SmtpGate(int port, int serverPort) {
        this.port = port;
        this.serverPort = serverPort;
    }

    /** A gate on a free port in front of the SMTP server on serverPort, open. */
    public static SmtpGate inFrontOf(int serverPort) {
        SmtpGate gate = new SmtpGate(org.evsettle.devstack.Ports.free(), serverPort);
        gate.open();
        return gate;
    }

    public int port() {
        return port;
    }

    /** Recipients at this address are refused with 550 until {@link #acceptAll()}. */
    public void refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
    }

    public void acceptAll() {
        refused.clear();
    }

    /** The server is down: connections are refused and those open are cut. */
    public synchronized void down() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        open.forEach(SmtpGate::closeQuietly);
        open.clear();
    }

    /** The server is back, on the same port. */
    public synchronized void open() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
            Thread accepting = new Thread(() -> accept(socket), "smtp-gate-" + port);
            accepting.setDaemon(true);
            accepting.start();
        } catch (IOException e) {
            throw new IllegalStateException("The SMTP gate cannot listen on " + port, e);
        }
    }

    @Override
    public void close() {
        down();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                open.add(client);
                open.add(server);
                Object replies = new Object();
                daemon(() -> fromServer(server, client, replies));
                daemon(() -> fromClient(client, server, replies));
            } catch (IOException e) {
                // closed by down(), or one connection failed: the client sees it as a server that went away
            }
        }
    }

    private void fromServer(Socket server, Socket client, Object replies) {
        try (InputStream in = server.getInputStream()) {
            OutputStream out = client.getOutputStream();
            for (String line = readLine(in); line != null; line = readLine(in)) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("250-PIPELINING") || upper.startsWith("250 PIPELINING")) {
                    line = line.substring(0, 4) + "X-NO-PIPELINING\r\n";
                }
                synchronized (replies) {
                    out.write(line.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            closeQuietly(client);
        }
    }

    private void fromClient(Socket client, Socket server, Object replies) {
        boolean data = false;
        try (InputStream in = client.getInputStream()) {
            OutputStream toServer = server.getOutputStream();
            OutputStream toClient = client.getOutputStream();
            for (String line = readLine(in); line != null; line = readLine(in)) {
                String command = line.trim().toUpperCase(Locale.ROOT);
                if (!data && command.startsWith("RCPT TO:") && refused.contains(address(line))) {
                    synchronized (replies) {
                        toClient.write(("550 5.1.1 <" + address(line) + ">: Recipient address rejected: user unknown\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        toClient.flush();
                    }
                    continue;
                }
                if (!data && command.equals("DATA")) {
                    data = true;
                } else if (data && command.equals(".") && line.startsWith(".")) {
                    data = false;
                }
                toServer.write(line.getBytes(StandardCharsets.ISO_8859_1));
                toServer.flush();
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            closeQuietly(server);
        }
    }

    private static String address(String rcptLine) {
        int start = rcptLine.indexOf('<');
        int end = rcptLine.indexOf('>', start + 1);
        return start < 0 || end < 0 ? "" : rcptLine.substring(start + 1, end).toLowerCase(Locale.ROOT);
    }

    /** One line with its line end, as bytes taken one for one (ISO-8859-1), or null at the end. */
    private static String readLine(InputStream in) throws IOException {
        List<Byte> bytes = new ArrayList<>();
        int b;
        while ((b = in.read()) >= 0) {
            bytes.add((byte) b);
            if (b == '\n') {
                break;
            }
        }
        if (bytes.isEmpty()) {
            return null;
        }
        byte[] line = new byte[bytes.size()];
        for (int i = 0; i < line.length; i++) {
            line[i] = bytes.get(i);
        }
        return new String(line, StandardCharsets.ISO_8859_1);
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "smtp-gate-connection");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
