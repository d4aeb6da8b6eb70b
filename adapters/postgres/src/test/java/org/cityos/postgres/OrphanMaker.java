package org.cityos.postgres;

import java.nio.file.Path;

/** Run in a child JVM by a test: starts a server, says so, and waits to be killed with SIGKILL. */
public final class OrphanMaker {
    private OrphanMaker() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, false);
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(120_000); // bounded: the test kills this JVM long before
    }
}
