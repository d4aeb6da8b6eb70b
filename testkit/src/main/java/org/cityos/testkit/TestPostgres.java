package org.cityos.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityos.postgres.EmbeddedPostgresServer;

/**
 * One embedded PostgreSQL per test JVM, started on first use in a throw-away directory that is deleted
 * when the JVM exits. Each caller
 * gets a fresh, empty database of its own, so test classes never see each other's rows.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile EmbeddedPostgresServer server;

    private TestPostgres() {}

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            Path dir = ThrowawayDirectories.createOwned("cityos-test-pg");
            EmbeddedPostgresServer started = EmbeddedPostgresServer.start(dir, 0, false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                ThrowawayDirectories.delete(dir);
            }));
            server = started;
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password). */
    public static String newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server().jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server().jdbcUrl(name);
    }
}
