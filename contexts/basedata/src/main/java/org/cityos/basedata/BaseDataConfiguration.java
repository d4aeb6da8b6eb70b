package org.cityos.basedata;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.basedata.persistence.BatchStore;
import org.cityos.basedata.persistence.GrantStore;
import org.cityos.basedata.persistence.OrganisationStore;
import org.cityos.basedata.persistence.PersonStore;
import org.cityos.spatial.Geocoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the base databases: their stores over the app's database, the imports linking addresses
 * through the spatial context's geocoder, and the {@link People} and {@link Organisations} facades.
 */
@Configuration(proxyBeanMethods = false)
public class BaseDataConfiguration {

    @Bean
    PersonStore basedataPersonStore(DataSource dataSource) {
        return new PersonStore(dataSource);
    }

    @Bean
    BatchStore basedataBatchStore(DataSource dataSource) {
        return new BatchStore(JdbcClient.create(dataSource));
    }

    @Bean
    GrantStore basedataGrantStore(DataSource dataSource) {
        return new GrantStore(JdbcClient.create(dataSource));
    }

    @Bean
    PersonImport personImport(
            DataSource dataSource, PlatformTransactionManager transactions, Geocoder geocoder, Clock clock) {
        return new PersonImport(dataSource, transactions, new GeocodingLinker(geocoder), clock);
    }

    @Bean
    OrganisationStore basedataOrganisationStore(DataSource dataSource) {
        return new OrganisationStore(dataSource);
    }

    @Bean
    Organisations organisations(
            OrganisationStore store,
            BatchStore batches,
            GrantStore grants,
            PlatformTransactionManager transactions,
            Geocoder geocoder,
            AuditTrail audit,
            Clock clock) {
        return new Organisations(
                store,
                batches,
                transactions,
                new GeocodingLinker(geocoder),
                new UnmaskCheck(grants, clock),
                audit,
                clock);
    }

    @Bean
    People people(
            PersonImport imports,
            PersonStore store,
            BatchStore batches,
            GrantStore grants,
            AuditTrail audit,
            Clock clock,
            MeterRegistry meters) {
        return new People(imports, store, batches, grants, audit, clock, meters);
    }
}
