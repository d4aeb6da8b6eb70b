package org.cityos.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.audit.internal.ChainExport;
import org.cityos.audit.internal.ChainVerifier;
import org.cityos.audit.internal.CheckpointSigner;
import org.cityos.audit.internal.HashChainer;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.audit.persistence.ChainStore;
import org.cityos.audit.persistence.CheckpointStore;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A fresh database with the real migration and the audit trail wired by hand, as AuditConfiguration does. */
final class AuditFixture implements AutoCloseable {
    static final Actor CLERK = actor("user-17", "王芳", Role.OPERATOR);

    final HikariDataSource dataSource;
    final DataSourceTransactionManager transactionManager;
    final TransactionTemplate tx;
    final JdbcClient jdbc;
    final ChainStore chain;
    final CheckpointStore checkpoints;
    final CheckpointSigner signer;
    final Clock clock;
    final AuditProperties properties;
    final AuditTrail trail;
    final HashChainer chainer;

    AuditFixture(Path keyFile, Clock clock) {
        this(TestPostgres.newDatabase(), keyFile, clock);
    }

    AuditFixture(String url, Path keyFile, Clock clock) {
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration/audit")
                .load()
                .migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(12);
        dataSource = new HikariDataSource(config);
        transactionManager = new DataSourceTransactionManager(dataSource);
        tx = new TransactionTemplate(transactionManager);
        jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        properties = new AuditProperties(Duration.ofMillis(20), 5000, Duration.ofSeconds(5), keyFile);
        JsonMapper json = JsonMapper.builder().build();
        chain = new ChainStore(dataSource);
        checkpoints = new CheckpointStore(dataSource);
        signer = CheckpointSigner.open(keyFile);
        chainer = newChainer();
        trail = new AuditTrail(
                new AuditRecordStore(dataSource, json),
                checkpoints,
                signer,
                new ChainVerifier(chain, checkpoints, signer, transactionManager, clock),
                new ChainExport(chain, checkpoints, signer, transactionManager, json),
                clock);
    }

    static Actor actor(String id, String name, Role role) {
        return new Actor(id, ActorKind.USER, name, Set.of(role), List.of(), Set.of(), false);
    }

    /** Another chainer on the same database, as a second CityOS node would run. */
    HashChainer newChainer() {
        return newChainer(properties.batchSize());
    }

    HashChainer newChainer(int batchSize) {
        return new HashChainer(
                chain,
                checkpoints,
                signer,
                transactionManager,
                clock,
                properties.chainInterval(),
                batchSize,
                properties.checkpointInterval());
    }

    /** Records {@code n} entries, each in a transaction of its own as real callers would. */
    void recordMany(int n) {
        for (int i = 0; i < n; i++) {
            int k = i;
            tx.executeWithoutResult(s -> trail.record(
                    CLERK, "identity.user.update", "identity.user", "u-" + k, Map.of("field", "phone", "n", k)));
        }
    }

    /** Records {@code n} entries in one transaction: fast set-up for volume tests. */
    void recordInOneTransaction(int n) {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                trail.record(CLERK, "identity.user.update", "identity.user", "u-" + i, Map.of("n", i));
            }
        });
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    long idAtSeq(long seq) {
        return jdbc.sql("SELECT id FROM audit_record WHERE chain_seq = ?")
                .param(seq)
                .query(Long.class)
                .single();
    }

    /** Runs SQL the way an attacker with database rights would: triggers off, straight at the tables. */
    void behindCityOsBack(String... statements) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            for (String sql : statements) {
                jdbc.sql(sql).update();
            }
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
