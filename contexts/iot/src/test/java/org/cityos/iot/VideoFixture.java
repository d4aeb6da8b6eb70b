package org.cityos.iot;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.identity.Department;
import org.cityos.identity.Departments;
import org.cityos.identity.persistence.DepartmentRepository;
import org.cityos.iot.TestDivisions.Outlines;
import org.cityos.iot.TestDivisions.Row;
import org.cityos.iot.persistence.ChannelAccessRepository;
import org.cityos.iot.persistence.ChannelGrantRepository;
import org.cityos.iot.persistence.VideoChannelRepository;
import org.cityos.iot.web.ChannelAccessController;
import org.cityos.iot.web.ChannelGrantController;
import org.cityos.iot.web.Gb28181Controller;
import org.cityos.iot.web.VideoChannelController;
import org.cityos.iot.web.VideoChannelImportController;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.Places;
import org.cityos.spatial.SpatialProperties;
import org.cityos.spatial.persistence.DivisionGeometryRepository;
import org.cityos.spatial.persistence.DivisionRepository;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.JdbcWiring;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.ProblemMvc;
import org.cityos.testkit.TestDatabase;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The video services as Spring wires them (transactions, real {@link Places}) over a fresh database
 * with three departments and a small division tree: the real district outline split at lon 116.45
 * into a west town 001 and an east town 002; the west town's south (lat < 39.70) is community 001001
 * and its west part (lon < 116.35) a grid. The clock is a {@link MutableClock}.
 */
final class VideoFixture implements AutoCloseable {
    static final DivisionCode DISTRICT = DivisionCode.of("110115000000");
    static final DivisionCode WEST = DivisionCode.of("110115001000");
    static final DivisionCode EAST = DivisionCode.of("110115002000");
    static final DivisionCode COMMUNITY = DivisionCode.of("110115001001");
    static final DivisionCode GRID = DivisionCode.of("110115001001001");
    static final GeoPoint WEST_GRID_POINT = new GeoPoint(116.30, 39.60);
    static final GeoPoint EAST_POINT = new GeoPoint(116.55, 39.65);
    static final GeoPoint TIANANMEN = new GeoPoint(116.397, 39.908);

    static final DepartmentCode POLICE = DepartmentCode.of("public-security");
    static final DepartmentCode TRAFFIC = DepartmentCode.of("traffic");
    static final DepartmentCode CITY = DepartmentCode.of("city-management");

    static final Actor POLICE_STEWARD = actor("police-steward", Role.DATA_STEWARD, Set.of(POLICE), DISTRICT);
    static final Actor ADMIN =
            new Actor("admin", ActorKind.USER, "admin", Set.of(Role.DATA_STEWARD), List.of(DISTRICT), Set.of(), true);
    static final Actor WEST_STEWARD = actor("west-steward", Role.DATA_STEWARD, Set.of(POLICE), WEST);
    static final Actor TRAFFIC_STEWARD = actor("traffic-steward", Role.DATA_STEWARD, Set.of(TRAFFIC), DISTRICT);
    static final Actor POLICE_VIEWER = actor("police-viewer", Role.DEPARTMENT_HANDLER, Set.of(POLICE), DISTRICT);
    static final Actor TRAFFIC_VIEWER = actor("traffic-viewer", Role.DEPARTMENT_HANDLER, Set.of(TRAFFIC), DISTRICT);
    static final Actor CITY_VIEWER = actor("city-viewer", Role.DEPARTMENT_HANDLER, Set.of(CITY), DISTRICT);
    static final Actor EAST_POLICE = actor("east-police", Role.DEPARTMENT_HANDLER, Set.of(POLICE), EAST);
    static final Actor AUDITOR = actor("auditor", Role.AUDITOR, Set.of(), DISTRICT);

    final TestDatabase database = TestDatabase.migrated(4);
    final HikariDataSource dataSource = database.dataSource();
    final JdbcClient jdbc = database.jdbc();
    final MutableClock clock = MutableClock.at("2026-11-24T08:00:00Z");
    final AnnotationConfigApplicationContext context;
    final VideoChannels channels;
    final ChannelGrants grants;
    final ChannelAccess access;
    final VideoChannelImports imports;
    final Gb28181Validator gbIds;

    VideoFixture() {
        seedDivisions();
        DepartmentRepository departments = new DepartmentRepository(jdbc);
        Instant now = clock.instant();
        departments.insert(new Department(POLICE, "公安分局", "公安", "", true, 0), now);
        departments.insert(new Department(TRAFFIC, "交通局", "交通", "", true, 0), now);
        departments.insert(new Department(CITY, "城市管理委员会", "城管委", "", true, 0), now);
        context =
                ContextFixture.over(dataSource).bean(MutableClock.class, clock).start(Wiring.class);
        channels = context.getBean(VideoChannels.class);
        grants = context.getBean(ChannelGrants.class);
        access = context.getBean(ChannelAccess.class);
        imports = context.getBean(VideoChannelImports.class);
        gbIds = context.getBean(Gb28181Validator.class);
    }

    static Actor actor(String id, Role role, Set<DepartmentCode> departments, DivisionCode... scope) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(scope), departments, false);
    }

    static VideoChannelDraft draft(String gbId, String name, DepartmentCode owner, GeoPoint at) {
        return new VideoChannelDraft(
                gbId,
                name,
                owner.value(),
                at,
                "兴华大街1号",
                VideoChannelStatus.ONLINE,
                "rtsp://media.test.invalid/live/" + gbId,
                true,
                List.of("路口"));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    MockMvc mvc(Actor[] current) {
        return ProblemMvc.standalone(
                messages(),
                FixedActorResolver.of(current),
                context.getBean(VideoChannelController.class),
                context.getBean(ChannelGrantController.class),
                context.getBean(ChannelAccessController.class),
                context.getBean(VideoChannelImportController.class),
                context.getBean(Gb28181Controller.class));
    }

    static ResourceBundleMessageSource messages() {
        return ProblemMvc.messages("i18n/iot-video/messages");
    }

    private void seedDivisions() {
        Outlines cut = Outlines.cut();
        TestDivisions.seed(
                jdbc,
                dataSource,
                new Row(DISTRICT, null, DivisionKind.DISTRICT, "大兴区", cut.district()),
                new Row(WEST, DISTRICT, DivisionKind.TOWN, "西镇", cut.west()),
                new Row(EAST, DISTRICT, DivisionKind.TOWN, "东镇", cut.east()),
                new Row(COMMUNITY, WEST, DivisionKind.COMMUNITY, "南社区", cut.south()),
                new Row(GRID, COMMUNITY, DivisionKind.GRID, "南社区第一网格", cut.grid()));
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
        DepartmentRepository.class,
        Departments.class,
        VideoChannelRepository.class,
        ChannelGrantRepository.class,
        ChannelAccessRepository.class,
        Gb28181Validator.class,
        VideoChannels.class,
        ChannelGrants.class,
        ChannelAccess.class,
        VideoChannelImports.class,
        VideoChannelController.class,
        ChannelGrantController.class,
        ChannelAccessController.class,
        VideoChannelImportController.class,
        Gb28181Controller.class
    })
    static class Wiring {
        @Bean
        SpatialProperties spatialProperties() {
            return new SpatialProperties(null, null, null, null, null, null, null, null, null);
        }

        @Bean
        VideoChannelProperties videoChannelProperties() {
            return new VideoChannelProperties(null, null, 50, 20);
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
    }
}
