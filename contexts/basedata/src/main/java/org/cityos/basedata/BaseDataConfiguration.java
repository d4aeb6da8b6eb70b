package org.cityos.basedata;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.basedata.persistence.BatchStore;
import org.cityos.basedata.persistence.GrantStore;
import org.cityos.basedata.persistence.OrganisationStore;
import org.cityos.basedata.persistence.PersonStore;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.Gazetteer;
import org.cityos.spatial.Geocoder;
import org.cityos.spatial.Places;
import org.cityos.spatial.RoadNetwork;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * Demo people at doors generated along the deployment's stored roads with the gazetteer's own seed, so
     * they are (up to the requested number) the doors the gazetteer holds.
     */
    @Bean
    SyntheticSeeding syntheticSeeding(
            People people,
            Gazetteer gazetteer,
            Places places,
            @Value("${cityos.spatial.gazetteer.seed:20261124}") long gazetteerSeed) {
        return new SyntheticSeeding(
                people,
                n -> Gazetteer.synthesize(
                                gazetteerSeed,
                                new RoadNetwork(gazetteer.roads()),
                                n,
                                places::locate,
                                gazetteer.vocabulary().districtName())
                        .stream()
                        .map(AddressEntry::address)
                        .toList());
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
