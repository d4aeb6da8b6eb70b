package org.cityos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.cityos.audit.internal.HashChainer;
import org.cityos.audit.web.AuditController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The auto-configuration wires a working trail from a DataSource, a transaction manager and properties. */
class AuditConfigurationIT {
    @TempDir
    Path dir;

    AuditFixture db;
    ApplicationContextRunner runner;

    @BeforeEach
    void setUp() {
        db = new AuditFixture(dir.resolve("fixture.key"), Clock.systemUTC());
        HikariDataSource dataSource = db.dataSource;
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void is_listed_as_an_auto_configuration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(AuditConfiguration.class.getName());
    }

    @Test
    void wires_the_trail_the_running_chainer_and_the_controller_from_properties() {
        Path keyFile = dir.resolve("nested/keys/audit.key");
        runner.withPropertyValues(
                        "cityos.audit.signing-key-file=" + keyFile,
                        "cityos.audit.chain-interval=100ms",
                        "cityos.audit.batch-size=100",
                        "cityos.audit.checkpoint-interval=1m")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(AuditTrail.class).hasSingleBean(AuditController.class);
                    AuditProperties properties = context.getBean(AuditProperties.class);
                    assertThat(properties.chainInterval()).isEqualTo(Duration.ofMillis(100));
                    assertThat(properties.batchSize()).isEqualTo(100);
                    assertThat(properties.checkpointInterval()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(keyFile).exists();
                    HashChainer chainer = context.getBean(HashChainer.class);
                    assertThat(chainer.job().isRunning())
                            .as("started with the context")
                            .isTrue();

                    context.getBean(AuditTrail.class)
                            .record(AuditFixture.CLERK, "identity.user.create", "identity.user", "u-1", Map.of());
                    chainer.chainNow();

                    assertThat(context.getBean(AuditTrail.class).verify().recordsChecked())
                            .isEqualTo(1);
                });
    }

    @Test
    void defaults_match_the_requirement() {
        AuditProperties defaults = AuditProperties.defaults();

        assertThat(defaults.chainInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.batchSize()).isEqualTo(5000);
        assertThat(defaults.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.signingKeyFile()).isEqualTo(Path.of("data/keys/audit-signing-ed25519.key"));
    }

    @Test
    void refuses_a_chain_interval_that_would_break_the_two_second_promise() {
        runner.withPropertyValues(
                        "cityos.audit.signing-key-file=" + dir.resolve("k.key"), "cityos.audit.chain-interval=5s")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("chain-interval"));
    }
}
