package org.cityos.benchmarks.load;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cityos.postgres.EmbeddedPostgresServer;
import org.cityos.testkit.FreePorts;
import org.flywaydb.core.Flyway;

/**
 * A PostgreSQL of an in-process scenario's own: embedded server under the suite's work directory, CityOS's
 * migrations of the given locations applied, and a Hikari pool as the app has one (a connection per query would
 * cost more than most queries). Both are closed with the suite's other resources.
 */
public final class ScenarioDatabase {
    private ScenarioDatabase() {}

    public static HikariDataSource start(Path work, String dir, String migrations, int poolSize) throws IOException {
        Path data = Files.createDirectories(work.resolve(dir));
        EmbeddedPostgresServer server = Cleanup.register(EmbeddedPostgresServer.start(data, FreePorts.next(), false));
        String url = server.jdbcUrl("postgres");
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations(migrations)
                .load()
                .migrate();
        HikariDataSource db = Cleanup.register(new HikariDataSource());
        db.setJdbcUrl(url);
        db.setUsername("postgres");
        db.setMaximumPoolSize(poolSize);
        return db;
    }
}
