package org.evsettle.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Checks that the ports the devstack wants are free, and finds free ones for tests. */
public final class Ports {

    private Ports() {
    }

    /** Refuses, naming the port and its use, when something already listens there. */
    public static void requireFree(int port, String usedFor) {
        if (isListening(port)) {
            throw new DevStackException("Port " + port + " (" + usedFor + ") is already in use. Stop what runs"
                    + " there (an earlier devstack? `./evsettle down`) or choose another port.");
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nothing listens on now (for tests; another process could still take it). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevStackException("No free port: " + e.getMessage(), e);
        }
    }
}
