package org.cityos.catalog;

import java.time.Clock;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.catalog.internal.LedgerChainer;
import org.cityos.catalog.internal.LedgerEncoding;
import org.cityos.catalog.internal.LedgerVerifier;
import org.cityos.catalog.persistence.EntryStore;
import org.cityos.catalog.persistence.LedgerStore;
import org.cityos.hashchain.ChainSigner;
import org.cityos.identity.Departments;
import org.cityos.jobs.PeriodicJob;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.event.EventBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Assembles the catalogue: stores, rules (departments from identity), the facade, files, and the ledger. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
@Import(SharingConfiguration.class)
public class CatalogConfiguration {

    @Bean
    EntryStore catalogEntryStore(DataSource dataSource) {
        return new EntryStore(dataSource);
    }

    @Bean
    LedgerStore catalogLedgerStore(DataSource dataSource) {
        return new LedgerStore(dataSource);
    }

    @Bean
    ChainSigner catalogLedgerSigner(CatalogProperties properties) {
        return ChainSigner.open(properties.signingKeyFile(), LedgerEncoding.CHECKPOINT_TAG);
    }

    @Bean
    Catalog catalog(
            EntryStore entries,
            LedgerStore ledger,
            Departments departments,
            AuditTrail audit,
            EventBus events,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        EntryRules rules = new EntryRules(code -> isDepartment(departments, code));
        // The stored JSON's bytes are on the ledger: a private mapper, so no application-wide setting changes them.
        EntryJson json = new EntryJson(JsonMapper.builder().build());
        return new Catalog(
                entries,
                ledger,
                rules,
                json,
                audit,
                events,
                new TransactionTemplate(transactions),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CatalogFiles catalogFiles(Catalog catalog, CatalogProperties properties) {
        return new CatalogFiles(catalog, properties.maxImportRows());
    }

    @Bean
    LedgerChainer catalogLedgerChainer(
            LedgerStore ledger,
            ChainSigner catalogLedgerSigner,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock,
            CatalogProperties properties) {
        return new LedgerChainer(
                ledger,
                catalogLedgerSigner,
                transactions,
                clock.getIfAvailable(Clock::systemUTC),
                properties.chainInterval(),
                properties.batchSize(),
                properties.checkpointInterval());
    }

    /** Runs the ledger chainer in the background with the application. */
    @Bean
    PeriodicJob catalogLedgerChainerJob(LedgerChainer catalogLedgerChainer) {
        return catalogLedgerChainer.job();
    }

    @Bean
    CatalogLedger catalogLedger(
            LedgerStore ledger,
            EntryStore entries,
            ChainSigner catalogLedgerSigner,
            LedgerChainer chainer,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        LedgerVerifier verifier = new LedgerVerifier(
                ledger, entries, catalogLedgerSigner, transactions, clock.getIfAvailable(Clock::systemUTC));
        return new CatalogLedger(verifier, chainer, catalogLedgerSigner);
    }

    private static boolean isDepartment(Departments departments, String code) {
        try {
            return departments.exists(DepartmentCode.of(code));
        } catch (DepartmentCode.InvalidDepartmentCode e) {
            return false;
        }
    }
}
