package org.cityos.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The one {@link DataSource}: pooled, to the embedded server unless an external URL is configured. */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedServerHolder embeddedPostgres(
            DatabaseProperties properties, ObjectProvider<EarlyEmbeddedStart.Pending> early) {
        if (!properties.embedded()) {
            log.info("Using external PostgreSQL at {}", properties.url());
            return new EmbeddedServerHolder(null);
        }
        EarlyEmbeddedStart.Pending pending = early.getIfAvailable();
        if (pending != null) {
            return new EmbeddedServerHolder(pending.take());
        }
        return new EmbeddedServerHolder(EmbeddedPostgresServer.start(properties.dataDirectory(), properties.port()));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedServerHolder embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cityos");
        config.setMaximumPoolSize(properties.maxPoolSize());
        if (embedded.server() != null) {
            config.setJdbcUrl(embedded.server().jdbcUrl("postgres"));
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        }
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "cityos");
        return new HikariDataSource(config);
    }

    /** Keeps the embedded server's lifetime tied to the context; holds nothing in external mode. */
    record EmbeddedServerHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
