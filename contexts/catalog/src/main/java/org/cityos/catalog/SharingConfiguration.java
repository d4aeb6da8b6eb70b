package org.cityos.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.catalog.internal.CallLogWriter;
import org.cityos.catalog.persistence.CallLogStore;
import org.cityos.catalog.persistence.GrantStore;
import org.cityos.catalog.persistence.LedgerStore;
import org.cityos.catalog.persistence.ShareStore;
import org.cityos.catalog.persistence.SourceStore;
import org.cityos.kernel.event.EventBus;
import org.cityos.workflow.ApprovalHandler;
import org.cityos.workflow.Approvals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Assembles sharing: requests and decisions, grants and their keys, and the data API with its call log. */
@Configuration(proxyBeanMethods = false)
public class SharingConfiguration {

    @Bean
    ShareStore catalogShareStore(DataSource dataSource) {
        return new ShareStore(dataSource);
    }

    @Bean
    GrantStore catalogGrantStore(DataSource dataSource) {
        return new GrantStore(dataSource);
    }

    @Bean
    CallLogStore catalogCallLogStore(DataSource dataSource) {
        return new CallLogStore(dataSource);
    }

    @Bean
    SourceStore catalogSourceStore(DataSource dataSource) {
        return new SourceStore(dataSource);
    }

    @Bean
    Sharing catalogSharing(
            Catalog catalog,
            ShareStore shares,
            GrantStore grants,
            Approvals approvals,
            LedgerStore ledger,
            AuditTrail audit,
            EventBus events,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock,
            CatalogProperties properties) {
        return new Sharing(
                catalog,
                shares,
                grants,
                approvals,
                ledger,
                audit,
                events,
                new TransactionTemplate(transactions),
                clock.getIfAvailable(Clock::systemUTC),
                properties.shareDecisionTime());
    }

    @Bean
    ApprovalHandler catalogShareApprovals(
            Sharing sharing, ShareStore shares, AuditTrail audit, EventBus events, ObjectProvider<Clock> clock) {
        return new ShareApprovalHandler(sharing, shares, audit, events, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Grants catalogGrants(
            Sharing sharing,
            Catalog catalog,
            GrantStore grants,
            CallLogStore calls,
            CallLogWriter log,
            SourceStore sources,
            AuditTrail audit,
            EventBus events,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        return new Grants(
                sharing,
                catalog,
                grants,
                calls,
                log,
                sources,
                audit,
                events,
                new TransactionTemplate(transactions),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    CallLogWriter catalogCallLogWriter(CallLogStore calls) {
        return new CallLogWriter(calls, 200);
    }

    @Bean
    SharedData catalogSharedData(
            GrantStore grants,
            SourceStore sources,
            CallLogWriter log,
            CallLogStore calls,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters) {
        return new SharedData(
                grants,
                sources,
                log,
                calls,
                clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
