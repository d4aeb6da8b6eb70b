package org.cityos.iot;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.identity.Departments;
import org.cityos.identity.persistence.DepartmentRepository;
import org.cityos.iot.TestDivisions.Outlines;
import org.cityos.iot.TestDivisions.Row;
import org.cityos.iot.internal.registry.CredentialCache;
import org.cityos.iot.internal.registry.DevicePlacing;
import org.cityos.iot.persistence.DeviceCredentialRepository;
import org.cityos.iot.persistence.DeviceImportRepository;
import org.cityos.iot.persistence.DeviceRepository;
import org.cityos.iot.persistence.DeviceTypeRepository;
import org.cityos.iot.persistence.InventoryRepository;
import org.cityos.iot.web.DeviceController;
import org.cityos.iot.web.DeviceCredentialController;
import org.cityos.iot.web.DeviceFileController;
import org.cityos.iot.web.DeviceTypeController;
import org.cityos.iot.web.InventoryController;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.Divisions;
import org.cityos.spatial.Places;
import org.cityos.spatial.persistence.DivisionGeometryRepository;
import org.cityos.spatial.persistence.DivisionRepository;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.JdbcWiring;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.ProblemMvc;
import org.cityos.testkit.RecordingEventBus;
import org.cityos.testkit.TestDatabase;
import org.cityos.testkit.ThrowawayDirectories;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry services as Spring wires them over a fresh database with a small division tree (the
 * real district outline split at lon 116.45 into a west town 001 and an east town 002; the west town's
 * south (lat < 39.70) is community 001001 with a grid west of lon 116.35, its north community 001002;
 * the east town is community 002001) and three departments.
 */
final class RegistryFixture implements AutoCloseable {
    static final DivisionCode DISTRICT = DivisionCode.of("110115000000");
    static final DivisionCode WEST = DivisionCode.of("110115001000");
    static final DivisionCode EAST = DivisionCode.of("110115002000");
    static final DivisionCode SOUTH = DivisionCode.of("110115001001");
    static final DivisionCode NORTH = DivisionCode.of("110115001002");
    static final DivisionCode EAST_COMMUNITY = DivisionCode.of("110115002001");
    static final DivisionCode GRID = DivisionCode.of("110115001001001");

    static final GeoPoint IN_GRID = GeoPoint.of(116.30, 39.60);
    static final GeoPoint IN_SOUTH = GeoPoint.of(116.40, 39.65);
    static final GeoPoint IN_NORTH = GeoPoint.of(116.40, 39.75);
    static final GeoPoint IN_EAST = GeoPoint.of(116.55, 39.65);
    static final GeoPoint OUTSIDE = GeoPoint.of(117.5, 39.6);

    static final DepartmentCode CITY = DepartmentCode.of("city-management");
    static final DepartmentCode WATER = DepartmentCode.of("water");
    static final DepartmentCode ECOLOGY = DepartmentCode.of("ecology");

    static final Actor STEWARD = actor("steward", Role.DATA_STEWARD, DISTRICT);
    static final Actor WEST_STEWARD = actor("west-steward", Role.DATA_STEWARD, WEST);
    static final Actor EAST_READER = actor("east-reader", Role.GRID_WORKER, EAST);
    static final Actor WATER_HANDLER = new Actor(
            "water-handler", ActorKind.USER, "water", Set.of(Role.DEPARTMENT_HANDLER), List.of(), Set.of(WATER), false);
    static final Actor AUDITOR = actor("auditor", Role.AUDITOR, DISTRICT);

    final TestDatabase database = TestDatabase.migrated(6);
    final HikariDataSource dataSource = database.dataSource();
    final JdbcClient jdbc = database.jdbc();
    final MutableClock clock = MutableClock.at("2026-11-24T08:00:00Z");
    final AnnotationConfigApplicationContext context;
    final DeviceTypes types;
    final Devices devices;
    final DeviceCredentials credentials;
    final DeviceImports imports;
    final DeviceExports exports;
    final Inventory inventory;
    final List<DomainEvent> events;

    RegistryFixture() {
        seedDivisions();
        for (Object[] d : new Object[][] {{CITY, "城市管理委员会"}, {WATER, "水务局"}, {ECOLOGY, "生态环境局"}}) {
            jdbc.sql("INSERT INTO identity_department (code, name, short_name, created_at, updated_at)"
                            + " VALUES (?, ?, ?, now(), now())")
                    .params(d[0].toString(), d[1], d[1])
                    .update();
        }
        context = ContextFixture.over(dataSource)
                .bean(MutableClock.class, clock)
                .properties(Map.of(
                        "cityos.iot.telemetry.scheduled", "false",
                        "cityos.iot.telemetry.live-pending-devices", "3",
                        "cityos.iot.telemetry.latest-flush-rows", "2"))
                .start(Wiring.class);
        types = context.getBean(DeviceTypes.class);
        devices = context.getBean(Devices.class);
        credentials = context.getBean(DeviceCredentials.class);
        imports = context.getBean(DeviceImports.class);
        exports = context.getBean(DeviceExports.class);
        inventory = context.getBean(Inventory.class);
        events = context.getBean(RecordingEventBus.class).published();
    }

    static Actor actor(String id, Role role, DivisionCode... scope) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(scope), Set.of(), false);
    }

    static DeviceDraft draft(String type, String serial, GeoPoint at, DepartmentCode owner) {
        return new DeviceDraft(
                type,
                "设备 " + serial,
                "acme",
                serial,
                at,
                "测试路 1 号",
                owner,
                new DeviceMaintainer("维保公司", "张三", "13812345678"),
                java.time.LocalDate.of(2025, 5, 1),
                null,
                List.of("test"),
                null,
                Set.of());
    }

    Device register(String type, String serial, GeoPoint at, DepartmentCode owner) {
        return devices.register(STEWARD, draft(type, serial, at, owner), false);
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    MockMvc mvc(Actor[] current) {
        return ProblemMvc.standalone(
                messages(),
                FixedActorResolver.of(current),
                context.getBean(DeviceTypeController.class),
                context.getBean(DeviceController.class),
                context.getBean(DeviceCredentialController.class),
                context.getBean(DeviceFileController.class),
                context.getBean(InventoryController.class));
    }

    static ResourceBundleMessageSource messages() {
        return ProblemMvc.messages("i18n/iot/messages");
    }

    private void seedDivisions() {
        Outlines cut = Outlines.cut();
        TestDivisions.seed(
                jdbc,
                dataSource,
                new Row(DISTRICT, null, DivisionKind.DISTRICT, "大兴区", cut.district()),
                new Row(WEST, DISTRICT, DivisionKind.TOWN, "西镇", cut.west()),
                new Row(EAST, DISTRICT, DivisionKind.TOWN, "东镇", cut.east()),
                new Row(SOUTH, WEST, DivisionKind.COMMUNITY, "南社区", cut.south()),
                new Row(NORTH, WEST, DivisionKind.COMMUNITY, "北社区", cut.north()),
                new Row(EAST_COMMUNITY, EAST, DivisionKind.COMMUNITY, "东社区", cut.east()),
                new Row(GRID, SOUTH, DivisionKind.GRID, "南社区第一网格", cut.grid()));
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
        Divisions.class,
        DepartmentRepository.class,
        Departments.class,
        DeviceTypeRepository.class,
        DeviceRepository.class,
        DeviceCredentialRepository.class,
        DeviceImportRepository.class,
        InventoryRepository.class,
        DeviceTypes.class,
        DevicePlacing.class,
        Devices.class,
        DeviceCredentials.class,
        org.cityos.iot.internal.registry.CredentialChangeFeed.class,
        DeviceImports.class,
        DeviceExports.class,
        Inventory.class,
        DeviceTypeController.class,
        DeviceController.class,
        DeviceCredentialController.class,
        DeviceFileController.class,
        InventoryController.class,
        TelemetryConfiguration.class,
        org.cityos.iot.persistence.TelemetryWriter.class,
        org.cityos.iot.persistence.PayloadMappingRepository.class,
        org.cityos.iot.persistence.IntegrationRepository.class,
        org.cityos.iot.persistence.LatestRepository.class,
        org.cityos.iot.persistence.TelemetryPartitions.class,
        org.cityos.iot.persistence.TelemetryRollups.class,
        org.cityos.iot.persistence.TelemetryQueries.class,
        org.cityos.iot.persistence.DeadLetterRepository.class,
        org.cityos.iot.persistence.CommandRepository.class
    })
    static class Wiring {
        @Bean
        DeviceRegistryProperties deviceRegistryProperties() throws java.io.IOException {
            return new DeviceRegistryProperties(
                    null, null, null, ThrowawayDirectories.create("device-imports"), null, 7, null, null);
        }

        @Bean
        CredentialCache credentialCache(DeviceRegistryProperties properties, Clock clock) {
            return new CredentialCache(properties.credentialCacheTtl(), clock);
        }

        @Bean
        io.micrometer.core.instrument.MeterRegistry meterRegistry() {
            return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
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

        @Bean
        SeenReadings aheadObserver() {
            return new SeenReadings(true);
        }

        @Bean
        SeenReadings afterCommitObserver() {
            return new SeenReadings(false);
        }
    }
}
