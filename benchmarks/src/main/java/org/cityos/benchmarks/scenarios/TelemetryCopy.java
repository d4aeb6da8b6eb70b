package org.cityos.benchmarks.scenarios;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The floor under HTTP batch ingest: the same readings written by a plain JDBC {@code COPY … FROM STDIN}, one
 * transaction per batch, into {@code bench_telemetry}, a table shaped like {@code iot_telemetry} (same columns,
 * range partitions with the same bounds as CityOS's current ones plus a default, the same three indexes), on
 * CityOS's own PostgreSQL but in a database of its own so CityOS's schema is never touched.
 */
final class TelemetryCopy implements AutoCloseable {
    static final String COPY =
            "COPY bench_telemetry (device_id, property, ts, num, txt, flags, received_at) FROM STDIN";
    private static final String[] PROPERTIES = {"pm25", "temperature", "humidity"};

    private final Connection db;

    private TelemetryCopy(Connection db) {
        this.db = db;
    }

    /** Creates (afresh) the baseline table from {@code iot_telemetry}'s partitions and opens one connection. */
    static void prepare(int port) throws SQLException {
        List<String> bounds = new ArrayList<>();
        try (Connection cityos = connect(port, "postgres");
                Statement st = cityos.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i"
                        + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'iot_telemetry'::regclass")) {
            while (rs.next()) {
                bounds.add(rs.getString(1));
            }
        }
        SerialCommits.ensureDatabase(port);
        try (Connection db = connect(port, SerialCommits.DATABASE);
                Statement st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_telemetry");
            st.execute("CREATE TABLE bench_telemetry (device_id text NOT NULL, property text NOT NULL,"
                    + " ts timestamptz NOT NULL, num double precision, txt text, flags smallint NOT NULL DEFAULT 0,"
                    + " received_at timestamptz NOT NULL) PARTITION BY RANGE (ts)");
            int n = 0;
            for (String bound : bounds) {
                st.execute("CREATE TABLE bench_telemetry_" + n++ + " PARTITION OF bench_telemetry " + bound);
            }
            st.execute("CREATE INDEX bench_telemetry_series ON bench_telemetry (device_id, property, ts)");
            st.execute("CREATE INDEX bench_telemetry_ts_brin ON bench_telemetry USING brin (ts)");
            st.execute("CREATE INDEX bench_telemetry_received_brin ON bench_telemetry USING brin (received_at)");
        }
    }

    /** How many partitions (with the default) the baseline table has, for the notes. */
    static int partitions(int port) throws SQLException {
        try (Connection db = connect(port, SerialCommits.DATABASE);
                PreparedStatement ps = db.prepareStatement(
                        "SELECT count(*) FROM pg_inherits WHERE inhparent = 'bench_telemetry'::regclass");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static TelemetryCopy open(int port) throws SQLException {
        Connection db = connect(port, SerialCommits.DATABASE);
        db.setAutoCommit(false);
        return new TelemetryCopy(db);
    }

    /**
     * One batch: {@code sets} reading sets of {@code deviceId} from {@code firstTs} on, 1 ms apart, three
     * values each, as rows in COPY text format, then COMMIT.
     */
    void batch(String deviceId, long firstTs, int sets, long mix) throws SQLException {
        StringBuilder text = new StringBuilder(sets * 3 * 90);
        String received = Instant.now().toString();
        for (int i = 0; i < sets; i++) {
            String ts = Instant.ofEpochMilli(firstTs + i).toString();
            long m = mix ^ (i * 40_503L);
            double[] values = {
                Math.floorMod(m, 3_000) / 10.0,
                -10 + Math.floorMod(m >>> 11, 500) / 10.0,
                20 + Math.floorMod(m >>> 23, 70)
            };
            for (int p = 0; p < PROPERTIES.length; p++) {
                text.append(deviceId)
                        .append('\t')
                        .append(PROPERTIES[p])
                        .append('\t')
                        .append(ts)
                        .append('\t')
                        .append(values[p])
                        .append("\t\\N\t0\t")
                        .append(received)
                        .append('\n');
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        db.commit();
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    static Connection connect(int port, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("ApplicationName", "cityos-benchmarks");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }
}
