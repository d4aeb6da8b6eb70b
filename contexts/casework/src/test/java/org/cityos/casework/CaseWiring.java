package org.cityos.casework;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.identity.Departments;
import org.cityos.identity.persistence.DepartmentRepository;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.outbox.EventProperties;
import org.cityos.outbox.OutboxEventBus;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.Divisions;
import org.cityos.spatial.Geocoder;
import org.cityos.spatial.Placement;
import org.cityos.spatial.SpatialProperties;
import org.cityos.spatial.persistence.DivisionRepository;
import org.cityos.testkit.JdbcWiring;
import org.cityos.workflow.WorkflowConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Casework as the app assembles it, over a test database: its configuration and repositories, with the real outbox,
 * audit trail, departments and divisions; places come from a simple test map (west of 116.4° is town 001, east is
 * town 002; outside 116–117° E, 39–40° N is outside the district).
 */
@Configuration(proxyBeanMethods = false)
@Import({
    JdbcWiring.class,
    WorkflowConfiguration.class,
    Departments.class,
    DepartmentRepository.class,
    Divisions.class,
    DivisionRepository.class
})
@ComponentScan(
        basePackages = "org.cityos.casework",
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {".*\\.web\\..*", ".*(Fixture|Wiring|Bench).*"}))
class CaseWiring {
    static final String DISTRICT = "110115000000";

    @Bean
    SpatialProperties spatialProperties() {
        return new SpatialProperties(DISTRICT, "大兴区", null, null, null, false, null, null, null);
    }

    @Bean
    Geocoder geocoder() {
        return new Geocoder(CaseWiring::place);
    }

    @Bean
    AuditTrail auditTrail(DataSource dataSource, Clock clock) {
        return new AuditTrail(
                new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
    }

    @Bean
    OutboxEventBus eventBus(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        return new OutboxEventBus(dataSource, transactions, clock, EventProperties.defaults());
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    static Placement place(GeoPoint p) {
        if (p.lon() < 116 || p.lon() > 117 || p.lat() < 39 || p.lat() > 40) {
            return Placement.outside(p);
        }
        String town = p.lon() < 116.4 ? "110115001" : "110115002";
        return new Placement(
                p,
                true,
                List.of(
                        new Placement.PlacedDivision(DivisionCode.of(DISTRICT), "大兴区", DivisionKind.DISTRICT, false),
                        new Placement.PlacedDivision(
                                DivisionCode.of(town + "000"), "镇" + town, DivisionKind.TOWN, false),
                        new Placement.PlacedDivision(
                                DivisionCode.of(town + "001"), "社区" + town, DivisionKind.COMMUNITY, false),
                        new Placement.PlacedDivision(
                                DivisionCode.of(town + "001001"), "网格" + town, DivisionKind.GRID, false)));
    }
}
