package org.cityos.spatial;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.http.HttpProperties;
import org.cityos.http.ProblemResponses;
import org.cityos.http.ProblemWriter;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.event.EventConsumer;
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
import org.cityos.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
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

    final AnnotationConfigApplicationContext context;
    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final Pois pois;
    final PoiSearch search;
    final PoiClasses classes;
    final PoiImports imports;
    final PoiExports exports;
    final PoiNames names;
    final List<DomainEvent> events;

    PoiFixture() {
        String url = TestPostgres.newDatabase();
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(6);
        dataSource = new HikariDataSource(config);
        jdbc = JdbcClient.create(dataSource);
        seedDivisions();
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.register(Wiring.class);
        context.refresh();
        pois = context.getBean(Pois.class);
        search = context.getBean(PoiSearch.class);
        classes = context.getBean(PoiClasses.class);
        imports = context.getBean(PoiImports.class);
        exports = context.getBean(PoiExports.class);
        names = context.getBean(PoiNames.class);
        events = context.getBean(Recorded.class);
    }

    static Actor actor(String id, Role role, DivisionCode... scope) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(scope), Set.of(), false);
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    MockMvc mvc(Actor[] current) {
        ResourceBundleMessageSource messages = messages();
        HttpProperties http = new HttpProperties(null, null, null);
        ProblemWriter writer = new ProblemWriter(messages, JsonMapper.builder().build(), http.problemBaseUri());
        return MockMvcBuilders.standaloneSetup(
                        context.getBean(PoiController.class),
                        context.getBean(PoiGeoController.class),
                        context.getBean(PoiClassController.class),
                        context.getBean(PoiFileController.class))
                .setControllerAdvice(new ProblemResponses(writer, http))
                .setCustomArgumentResolvers(new FixedActor(current))
                .build();
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/http/messages", "i18n/spatial/messages", "i18n/spatial-poi/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ROOT);
        return messages;
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
        dataSource.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement(proxyTargetClass = true)
    @Import({
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
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        org.springframework.jdbc.core.JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        PoiProperties poiProperties() throws java.io.IOException {
            return new PoiProperties(
                    null,
                    Files.createTempDirectory("poi-imports"),
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
        Recorded recordedEvents() {
            return new Recorded();
        }

        @Bean
        EventBus eventBus(Recorded recordedEvents) {
            return new EventBus() {
                @Override
                public void publish(DomainEvent event) {
                    recordedEvents.add(event);
                }

                @Override
                public <E extends DomainEvent> void subscribe(
                        String consumerName, Class<E> eventClass, EventConsumer<E> consumer) {}
            };
        }
    }

    /** The events published, in order. */
    static final class Recorded extends CopyOnWriteArrayList<DomainEvent> {}

    /** Resolves the {@link Actor} argument to whoever the test currently acts as. */
    private record FixedActor(Actor[] current)
            implements org.springframework.web.method.support.HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(org.springframework.core.MethodParameter parameter) {
            return Actor.class.equals(parameter.getParameterType());
        }

        @Override
        public Object resolveArgument(
                org.springframework.core.MethodParameter parameter,
                org.springframework.web.method.support.ModelAndViewContainer container,
                org.springframework.web.context.request.NativeWebRequest request,
                org.springframework.web.bind.support.WebDataBinderFactory binders) {
            return current[0];
        }
    }
}
