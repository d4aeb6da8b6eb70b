package org.cityos.outbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh, migrated database with the transaction plumbing an application would give the outbox. */
final class OutboxDatabase implements AutoCloseable {
    final HikariDataSource dataSource;
    final DataSourceTransactionManager transactions;
    final TransactionTemplate tx;
    final JdbcClient jdbc;
    final MutableClock clock = MutableClock.at("2026-11-24T00:00:00Z");

    private OutboxDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new DataSourceTransactionManager(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = JdbcClient.create(dataSource);
    }

    static OutboxDatabase create() {
        HikariDataSource dataSource = pool(TestPostgres.newDatabase());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/outbox")
                .load()
                .migrate();
        return new OutboxDatabase(dataSource);
    }

    static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(6);
        return new HikariDataSource(config);
    }

    OutboxEventBus newBus(EventProperties properties) {
        return newBus(properties, clock);
    }

    OutboxEventBus newBus(EventProperties properties, Clock busClock) {
        return new OutboxEventBus(dataSource, transactions, busClock, properties);
    }

    OutboxAdmin admin(OutboxEventBus bus, EventProperties properties) {
        return new OutboxAdmin(bus, transactions, clock, properties);
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
