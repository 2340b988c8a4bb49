package io.flotilla.bench;

import java.util.concurrent.TimeUnit;

/** Stops a server child process: SIGTERM, then SIGKILL if it has not ended within a minute (no leftovers). */
final class ServerStop {

    private ServerStop() {}

    static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            System.out.println("warning: the server did not stop within 60 s of SIGTERM; killing it");
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
