package org.cityos.testkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh database of its own on the test JVM's embedded PostgreSQL ({@link TestPostgres}), migrated by Flyway
 * before anyone connects, behind a small Hikari pool. Closing it closes the pool; the database itself goes with
 * the server when the JVM ends.
 */
public final class TestDatabase implements AutoCloseable {
    /** Every migration folder on the test's classpath: the context's own and those of the contexts below it. */
    public static final String ALL_MIGRATIONS = "classpath:db/migration";

    private final String url;
    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;

    private TestDatabase(String url, HikariDataSource dataSource) {
        this.url = url;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * A new database with the migrations under {@code locations} applied ({@link #ALL_MIGRATIONS} when none are
     * named), pooled with at most {@code poolSize} connections.
     */
    public static TestDatabase migrated(int poolSize, String... locations) {
        String url = TestPostgres.newDatabase();
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations(locations.length == 0 ? new String[] {ALL_MIGRATIONS} : locations)
                .load()
                .migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        return new TestDatabase(url, new HikariDataSource(config));
    }

    /** The JDBC URL (user {@code postgres}, no password), for a second pool or a raw connection. */
    public String url() {
        return url;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
