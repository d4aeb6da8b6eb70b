package org.cityos.casework;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.internal.AgencyNames;
import org.cityos.casework.internal.Open311Seed;
import org.cityos.casework.persistence.Open311RequestRepository;
import org.cityos.casework.persistence.Open311ServiceRepository;
import org.cityos.identity.Departments;
import org.cityos.spatial.Divisions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Assembles the citizens' side of casework: the public service catalogue, Open311 requests, the token view. */
@Configuration(proxyBeanMethods = false)
public class Open311Configuration {

    @Bean
    Open311Services open311Services(
            Open311ServiceRepository repository, Categories categories, AuditTrail audit, Clock clock) {
        return new Open311Services(repository, categories, audit, clock);
    }

    @Bean
    Open311Seed open311Seed(Open311Services services) {
        return new Open311Seed(services);
    }

    @Bean
    AgencyNames caseAgencyNames(Departments departments, Divisions divisions) {
        return new AgencyNames(departments, divisions);
    }

    @Bean
    PublicRequests publicRequests(
            CaseIntake intake,
            Cases cases,
            CaseVerification verification,
            Open311Services services,
            Categories categories,
            Open311RequestRepository requests,
            AgencyNames agencies,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock) {
        return new PublicRequests(
                intake, cases, verification, services, categories, requests, agencies, transactions, meters, clock);
    }
}
