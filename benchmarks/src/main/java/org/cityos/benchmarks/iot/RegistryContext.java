package org.cityos.benchmarks.iot;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.identity.Departments;
import org.cityos.identity.persistence.DepartmentRepository;
import org.cityos.iot.DeviceCredentials;
import org.cityos.iot.DeviceImports;
import org.cityos.iot.DeviceRegistryProperties;
import org.cityos.iot.DeviceTypes;
import org.cityos.iot.Devices;
import org.cityos.iot.Gb28181Validator;
import org.cityos.iot.Inventory;
import org.cityos.iot.VideoChannels;
import org.cityos.iot.internal.registry.CredentialCache;
import org.cityos.iot.internal.registry.DevicePlacing;
import org.cityos.iot.persistence.ChannelGrantRepository;
import org.cityos.iot.persistence.DeviceCredentialRepository;
import org.cityos.iot.persistence.DeviceImportRepository;
import org.cityos.iot.persistence.DeviceRepository;
import org.cityos.iot.persistence.DeviceTypeRepository;
import org.cityos.iot.persistence.InventoryRepository;
import org.cityos.iot.persistence.VideoChannelRepository;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.event.EventConsumer;
import org.cityos.spatial.Divisions;
import org.cityos.spatial.Places;
import org.cityos.spatial.SpatialProperties;
import org.cityos.spatial.persistence.DivisionGeometryRepository;
import org.cityos.spatial.persistence.DivisionRepository;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry, inventory and video services wired as the app wires them (transactions, lifecycles:
 * the device-type catalogue is seeded and the place index built at refresh), over a data source whose
 * divisions and departments are already stored. A bare Spring context, not Spring Boot: {@code
 * Departments} can only be built by Spring (its constructor is not public), and the facades'
 * {@code @Transactional} boundaries should hold as in the app. Audit entries are recorded (not chained)
 * and events dropped, so the figures include the audit insert but not the outbox.
 */
public final class RegistryContext implements AutoCloseable {
    private final AnnotationConfigApplicationContext context;

    private RegistryContext(AnnotationConfigApplicationContext context) {
        this.context = context;
    }

    /** Refreshes the context; {@code importDirectory} is where uploads wait while their job runs. */
    public static RegistryContext open(DataSource dataSource, Path importDirectory) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(
                DeviceRegistryProperties.class,
                () -> new DeviceRegistryProperties(null, null, null, importDirectory, null, null, null, null));
        context.register(Wiring.class);
        context.refresh();
        return new RegistryContext(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Devices devices() {
        return bean(Devices.class);
    }

    public DeviceCredentials credentials() {
        return bean(DeviceCredentials.class);
    }

    /** Token checks with a node cache of their own ({@code ttl} zero = every check reads the database). */
    public DeviceCredentials credentials(java.time.Duration ttl) {
        Clock clock = bean(Clock.class);
        CredentialCache cache = new CredentialCache(ttl, clock);
        return new DeviceCredentials(
                bean(DeviceCredentialRepository.class),
                devices(),
                cache,
                new org.cityos.iot.internal.registry.CredentialChangeFeed(
                        bean(org.springframework.jdbc.core.simple.JdbcClient.class), cache, clock),
                bean(DeviceRegistryProperties.class),
                bean(AuditTrail.class),
                clock);
    }

    public DeviceImports imports() {
        return bean(DeviceImports.class);
    }

    public Inventory inventory() {
        return bean(Inventory.class);
    }

    public VideoChannels channels() {
        return bean(VideoChannels.class);
    }

    public Places places() {
        return bean(Places.class);
    }

    public DeviceTypes types() {
        return bean(DeviceTypes.class);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(bean(PlatformTransactionManager.class));
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement(proxyTargetClass = true)
    @Import({
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
        org.cityos.iot.internal.registry.CredentialChangeFeed.class,
        DeviceCredentials.class,
        DeviceImports.class,
        Inventory.class,
        VideoChannelRepository.class,
        ChannelGrantRepository.class,
        Gb28181Validator.class,
        VideoChannels.class
    })
    static class Wiring {
        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
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
        SpatialProperties spatialProperties() {
            return new SpatialProperties(null, null, null, null, null, null, null, null, null);
        }

        @Bean
        CredentialCache credentialCache(DeviceRegistryProperties properties, Clock clock) {
            return new CredentialCache(properties.credentialCacheTtl(), clock);
        }

        @Bean
        AuditTrail auditTrail(DataSource dataSource, Clock clock) {
            // Recording only, as in the app's request path; the chain is linked asynchronously there.
            return new AuditTrail(
                    new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        }

        @Bean
        EventBus eventBus() {
            return new EventBus() {
                @Override
                public void publish(DomainEvent event) {}

                @Override
                public <E extends DomainEvent> void subscribe(
                        String consumerName, Class<E> eventClass, EventConsumer<E> consumer) {}
            };
        }
    }
}
