package uk.safeguarding.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Checks that ports are free before anything starts: a half-started broker would otherwise keep the JVM alive. */
public final class Ports {

    private Ports() {
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the servers themselves do: connections of a previous run in TIME_WAIT do not block a new listener,
            // a listening socket does
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Throws with a message naming the port, what needed it and the option that changes it. */
    public static void requireFree(LocalPlatformOptions options) {
        for (LocalPlatformOptions.PortUse use : options.ports()) {
            if (!isFree(use.port())) {
                throw new PortInUseException(use);
            }
        }
    }

    /**
     * {@code count} different free ports (for tests): each socket is held open until all are chosen, so the
     * operating system cannot hand the same port out twice, as separately closed sockets occasionally do.
     */
    public static int[] free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket we only held to reserve its number
                }
            }
        }
    }

    public static final class PortInUseException extends IllegalStateException {

        private final transient LocalPlatformOptions.PortUse use;

        PortInUseException(LocalPlatformOptions.PortUse use) {
            super("Port " + use.port() + " (" + use.what() + ") is already in use. Stop whatever is using it, or "
                    + "choose another port with " + use.option() + "=<port>.");
            this.use = use;
        }

        public LocalPlatformOptions.PortUse use() {
            return use;
        }
    }
}
