package org.cityos.catalog.theme;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityos.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh database per test with the catalogue's migrations and the real migrations of the contexts whose tables
 * the theme sources read (iot, alerting, casework, base data — read from their modules' folders, as the catalogue
 * does not depend on them). They are applied once per test JVM to a template that every test's database is
 * copied from ({@code CREATE DATABASE … TEMPLATE}), which takes a fraction of migrating each one.
 */
final class ThemeDatabase implements AutoCloseable {
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static String template;

    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;

    private ThemeDatabase(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        this.dataSource = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(dataSource);
    }

    static ThemeDatabase copy() {
        String name = "theme_" + ProcessHandle.current().pid() + "_" + COPIES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(TestPostgres.server().jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template());
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy the theme template database", e);
        }
        return new ThemeDatabase(TestPostgres.server().jdbcUrl(name));
    }

    private static synchronized String template() {
        if (template == null) {
            String url = TestPostgres.newDatabase();
            Flyway.configure()
                    .dataSource(url, "postgres", "")
                    .locations(
                            "classpath:db/migration/audit",
                            "classpath:db/migration/workflow",
                            "classpath:db/migration/catalog",
                            "filesystem:../iot/src/main/resources/db/migration/iot",
                            "filesystem:../alerting/src/main/resources/db/migration/alerting",
                            "filesystem:../casework/src/main/resources/db/migration/casework",
                            "filesystem:../basedata/src/main/resources/db/migration/basedata")
                    .load()
                    .migrate();
            template = url.substring(url.lastIndexOf('/') + 1);
        }
        return template;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
