package org.cityos.benchmarks.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.LoadResult;

/**
 * The fsync cap: one connection, one INSERT and COMMIT after another into a plain table on the same
 * PostgreSQL server CityOS runs on (same WAL, same disk, {@code synchronous_commit=on}). A chain that
 * linked each record synchronously, one at a time, could not go faster than this. The table lives in
 * its own database so CityOS's schema is never touched.
 */
final class SerialCommits {
    static final String DATABASE = "bench_baseline";

    private SerialCommits() {}

    /**
     * The commit rate and the server settings that decide whether a commit waits for the disk.
     *
     * @param commits serial INSERT+COMMIT, one connection
     * @param settings fsync and synchronous_commit as the server reports them
     */
    record Measured(LoadResult commits, String settings) {}

    static Measured run(int postgresPort, Duration duration, long maxOps) throws SQLException {
        String settings;
        try (Connection admin = connect(postgresPort, "postgres")) {
            settings = "fsync=" + show(admin, "fsync") + ", synchronous_commit=" + show(admin, "synchronous_commit");
        }
        ensureDatabase(postgresPort);
        try (Connection db = connect(postgresPort, DATABASE)) {
            try (Statement st = db.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS serial_commit (id bigserial PRIMARY KEY,"
                        + " at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)");
            }
            db.setAutoCommit(true);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO serial_commit (payload) VALUES (?)")) {
                LoadResult commits = ClosedLoop.run(1, duration, maxOps, (thread, seq) -> {
                    insert.setString(1, "record " + seq);
                    insert.executeUpdate();
                });
                return new Measured(commits, settings);
            }
        }
    }

    /** Creates the baselines' own database on the server unless it exists. */
    static void ensureDatabase(int postgresPort) throws SQLException {
        try (Connection admin = connect(postgresPort, "postgres")) {
            boolean exists;
            try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, DATABASE);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement st = admin.createStatement()) {
                    st.execute("CREATE DATABASE " + DATABASE);
                }
            }
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW " + setting)) {
            return rs.next() ? rs.getString(1) : "?";
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("ApplicationName", "cityos-benchmarks");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }
}
