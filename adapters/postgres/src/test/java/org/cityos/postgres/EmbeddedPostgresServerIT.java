package org.cityos.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

    @Test
    void cityOsOwnServerIsDurableAndKeepsItsDataAcrossRestarts(@TempDir Path dir) throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0)) {
            assertThat(query(server, "SHOW fsync")).isEqualTo("on");
            assertThat(query(server, "SHOW synchronous_commit")).isEqualTo("on");
            execute(server, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dir, 0)) {
            assertThat(query(again, "SELECT v FROM kept")).isEqualTo("still here");
        }
    }

    @Test
    void aServerLeftBehindByAKilledCityOsIsStoppedBeforeTheNextStart(@TempDir Path dir) throws Exception {
        Process owner = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanMaker.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        int port;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
                // skip the server's start-up log
            }
            assertThat(line).as("the child JVM started a server").isNotNull();
            port = Integer.parseInt(line.substring(6).trim());
            owner.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs, PostgreSQL stays up
        }
        String orphanUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(orphanUrl, "postgres", "")) {
            c.createStatement().execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survived')");
        }
        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(dir, 0, false)) {
            assertThat(query(next, "SELECT v FROM kept")).isEqualTo("survived");
            if (next.port() != port) {
                assertThatThrownBy(() -> DriverManager.getConnection(orphanUrl, "postgres", ""))
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void aTakenPortFailsFastWithAClearMessage(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("taken");
        }
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }
}
