package org.cityos.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.cityos.audit.internal.ChainExport;
import org.cityos.audit.internal.ChainVerifier;
import org.cityos.audit.internal.CheckpointSigner;
import org.cityos.audit.internal.HashChainer;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.audit.persistence.ChainStore;
import org.cityos.audit.persistence.CheckpointStore;
import org.cityos.audit.web.AuditController;
import org.cityos.jobs.PeriodicJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the audit trail into any CityOS application that has this module on its class path: the
 * {@link AuditTrail} facade, the background chainer and the auditors' HTTP endpoints. A {@link Clock}
 * or {@link JsonMapper} bean is used when the application defines one.
 */
@AutoConfiguration
@EnableConfigurationProperties(AuditProperties.class)
@Import(AuditController.class)
public class AuditConfiguration {

    @Bean
    CheckpointSigner auditCheckpointSigner(AuditProperties properties) {
        return CheckpointSigner.open(properties.signingKeyFile());
    }

    @Bean
    AuditRecordStore auditRecordStore(DataSource dataSource, ObjectProvider<JsonMapper> json) {
        return new AuditRecordStore(dataSource, json.getIfAvailable(JsonMapper::new));
    }

    @Bean
    ChainStore auditChainStore(DataSource dataSource) {
        return new ChainStore(dataSource);
    }

    @Bean
    CheckpointStore auditCheckpointStore(DataSource dataSource) {
        return new CheckpointStore(dataSource);
    }

    @Bean
    HashChainer auditHashChainer(
            ChainStore chain,
            CheckpointStore checkpoints,
            CheckpointSigner signer,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock,
            AuditProperties properties) {
        return new HashChainer(
                chain,
                checkpoints,
                signer,
                transactions,
                clock.getIfAvailable(Clock::systemUTC),
                properties.chainInterval(),
                properties.batchSize(),
                properties.checkpointInterval());
    }

    /** Runs the chainer in the background; starts before and stops after the web server. */
    @Bean
    PeriodicJob auditChainerJob(HashChainer auditHashChainer) {
        return auditHashChainer.job();
    }

    @Bean
    AuditTrail auditTrail(
            AuditRecordStore records,
            ChainStore chain,
            CheckpointStore checkpoints,
            CheckpointSigner signer,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock,
            ObjectProvider<JsonMapper> json) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new AuditTrail(
                records,
                checkpoints,
                signer,
                new ChainVerifier(chain, checkpoints, signer, transactions, time),
                new ChainExport(chain, checkpoints, signer, transactions, json.getIfAvailable(JsonMapper::new)),
                time);
    }
}
