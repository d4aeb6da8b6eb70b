package org.cityos.spatial;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.spatial.internal.poi.PoiNames;
import org.cityos.spatial.persistence.DivisionGeometryRepository;
import org.cityos.spatial.persistence.DivisionRepository;
import org.cityos.spatial.persistence.PoiClassRepository;
import org.cityos.spatial.persistence.PoiImportRepository;
import org.cityos.spatial.persistence.PoiRepository;
import org.cityos.spatial.web.PoiClassController;
import org.cityos.spatial.web.PoiController;
import org.cityos.spatial.web.PoiFileController;
import org.cityos.spatial.web.PoiGeoController;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.JdbcWiring;
import org.cityos.testkit.ProblemMvc;
import org.cityos.testkit.RecordingEventBus;
import org.cityos.testkit.TestDatabase;
import org.cityos.testkit.ThrowawayDirectories;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The POI services as Spring wires them (transactions, lifecycles) over a fresh database holding a
 * small division tree: the real district outline split at lon 116.45 into a west town 001 and an east
 * town 002; the west town's south (lat < 39.70) is community 001001 and its west part (lon < 116.35) a grid.
 */
final class PoiFixture implements AutoCloseable {
    static final DivisionCode DISTRICT = DivisionCode.of("110115000000");
    static final DivisionCode WEST = DivisionCode.of("110115001000");
    static final DivisionCode EAST = DivisionCode.of("110115002000");
    static final DivisionCode COMMUNITY = DivisionCode.of("110115001001");
    static final DivisionCode GRID = DivisionCode.of("110115001001001");

    static final Actor STEWARD = actor("steward", Role.DATA_STEWARD, DISTRICT);
    static final Actor WEST_STEWARD = actor("west-steward", Role.DATA_STEWARD, WEST);
    static final Actor EAST_READER = actor("east-reader", Role.GRID_WORKER, EAST);
    static final Actor LEADER = actor("leader", Role.LEADER, DISTRICT);

    final TestDatabase database = TestDatabase.migrated(6);
    final HikariDataSource dataSource = database.dataSource();
    final JdbcClient jdbc = database.jdbc();
    final AnnotationConfigApplicationContext context;
    final Pois pois;
    final PoiSearch search;
    final PoiClasses classes;
    final PoiImports imports;
    final PoiExports exports;
    final PoiNames names;
    final List<DomainEvent> events;

    PoiFixture() {
        seedDivisions();
        context = ContextFixture.over(dataSource).start(Wiring.class);
        pois = context.getBean(Pois.class);
        search = context.getBean(PoiSearch.class);
        classes = context.getBean(PoiClasses.class);
        imports = context.getBean(PoiImports.class);
        exports = context.getBean(PoiExports.class);
        names = context.getBean(PoiNames.class);
        events = context.getBean(RecordingEventBus.class).published();
    }

    static Actor actor(String id, Role role, DivisionCode... scope) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(scope), Set.of(), false);
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    MockMvc mvc(Actor[] current) {
        return ProblemMvc.standalone(
                messages(),
                FixedActorResolver.of(current),
                context.getBean(PoiController.class),
                context.getBean(PoiGeoController.class),
                context.getBean(PoiClassController.class),
                context.getBean(PoiFileController.class));
    }

    static ResourceBundleMessageSource messages() {
        return ProblemMvc.messages("i18n/spatial/messages", "i18n/spatial-poi/messages");
    }

    private void seedDivisions() {
        DivisionRepository divisions =
                new DivisionRepository(jdbc, new org.springframework.jdbc.core.JdbcTemplate(dataSource));
        DivisionGeometryRepository geometries =
                new DivisionGeometryRepository(jdbc, new org.springframework.jdbc.core.JdbcTemplate(dataSource));
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        Geometry outline = SyntheticPois.outline(SyntheticPois.DEFAULT_OUTLINE);
        Geometry west = outline.intersection(box(116.0, 39.0, 116.45, 40.0));
        Geometry east = outline.intersection(box(116.45, 39.0, 117.0, 40.0));
        Geometry community = west.intersection(box(116.0, 39.0, 117.0, 39.70));
        Geometry grid = community.intersection(box(116.0, 39.0, 116.35, 40.0));
        Object[][] tree = {
            {DISTRICT, null, DivisionKind.DISTRICT, "大兴区", outline},
            {WEST, DISTRICT, DivisionKind.TOWN, "西镇", west},
            {EAST, DISTRICT, DivisionKind.TOWN, "东镇", east},
            {COMMUNITY, WEST, DivisionKind.COMMUNITY, "南社区", community},
            {GRID, COMMUNITY, DivisionKind.GRID, "南社区第一网格", grid}
        };
        for (Object[] d : tree) {
            divisions.insert(
                    new Division(
                            (DivisionCode) d[0],
                            (DivisionCode) d[1],
                            (DivisionKind) d[2],
                            (String) d[3],
                            true,
                            "test",
                            0,
                            now),
                    now);
            geometries.upsert((DivisionCode) d[0], (Geometry) d[4], 1.0, true, "test", now);
        }
    }

    private static Geometry box(double minX, double minY, double maxX, double maxY) {
        return new GeometryFactory().toGeometry(new Envelope(minX, maxX, minY, maxY));
    }

    @Override
    public void close() {
        context.close();
        database.close();
    }

    @Configuration(proxyBeanMethods = false)
    @Import({
        JdbcWiring.class,
        DivisionRepository.class,
        DivisionGeometryRepository.class,
        Places.class,
        PoiRepository.class,
        PoiClassRepository.class,
        PoiImportRepository.class,
        PoiNames.class,
        Pois.class,
        PoiSearch.class,
        PoiClasses.class,
        PoiImports.class,
        PoiExports.class,
        PoiController.class,
        PoiGeoController.class,
        PoiClassController.class,
        PoiFileController.class
    })
    static class Wiring {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        PoiProperties poiProperties() throws java.io.IOException {
            return new PoiProperties(
                    null,
                    ThrowawayDirectories.create("poi-imports"),
                    org.springframework.util.unit.DataSize.ofKilobytes(64),
                    null,
                    3,
                    null,
                    null,
                    null,
                    0,
                    null);
        }

        @Bean
        ResourceBundleMessageSource messageSource() {
            return messages();
        }

        @Bean
        AuditTrail auditTrail(DataSource dataSource, Clock clock) {
            // Only recording is exercised here; chaining and verification are the audit module's tests.
            return new AuditTrail(
                    new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        }

        @Bean
        RecordingEventBus eventBus() {
            return new RecordingEventBus();
        }
    }
}
