package org.cityos.alerting;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.cityos.alerting.internal.notify.NotificationDispatcher;
import org.cityos.alerting.persistence.ChannelRepository;
import org.cityos.alerting.persistence.NotificationFeedRepository;
import org.cityos.alerting.persistence.NotificationFlapRepository;
import org.cityos.alerting.persistence.NotificationRepository;
import org.cityos.alerting.web.AlarmStreamController;
import org.cityos.alerting.web.ChannelController;
import org.cityos.alerting.web.NotificationController;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.persistence.AuditRecordStore;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.event.EventConsumer;
import org.cityos.outbox.EventProperties;
import org.cityos.outbox.OutboxEventBus;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.FreePorts;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.ProblemMvc;
import org.cityos.testkit.TestDatabase;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications as Spring wires them over a fresh database, with the real outbox as event bus (driven by hand:
 * {@link #deliverEvents()}), a real SMTP server (GreenMail) on a free port, a receiver for webhooks and SMS
 * (see {@link Receiver}), and a clock the tests move. The dispatcher is not scheduled: tests call it.
 */
final class NotifyFixture implements AutoCloseable {
    static final DivisionCode DISTRICT = DivisionCode.of("110115000000");
    static final DivisionCode WEST = DivisionCode.of("110115001000");
    static final DivisionCode EAST = DivisionCode.of("110115002000");
    static final String IN_WEST = "110115001001";
    static final String IN_EAST = "110115002001";

    static final Actor OPERATOR = actor("operator", Role.OPERATOR, DISTRICT);
    static final Actor WEST_OPERATOR = actor("west-operator", Role.OPERATOR, WEST);
    static final Actor EAST_WORKER = actor("east-worker", Role.GRID_WORKER, EAST);
    static final Actor ADMIN = actor("admin", Role.SYSTEM_ADMIN, DISTRICT);
    static final Actor STEWARD = actor("steward", Role.DATA_STEWARD, DISTRICT);

    final MutableClock clock = MutableClock.at("2026-11-24T08:00:00Z");
    final TestDatabase database;
    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate tx;
    final OutboxEventBus bus;
    final GreenMail smtp;
    final Receiver receiver;
    final AnnotationConfigApplicationContext context;
    final NotificationChannels channels;
    final NotificationDispatcher dispatcher;
    final AlarmStream stream;

    NotifyFixture(Map<String, Object> settings) {
        database = AlarmBench.database();
        dataSource = database.dataSource();
        jdbc = database.jdbc();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        tx = new TransactionTemplate(transactions);
        // Not a bean: its relay thread never starts, so events move exactly when a test says so.
        bus = new OutboxEventBus(
                dataSource,
                transactions,
                clock,
                EventProperties.defaults().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = Receiver.start();
        Map<String, Object> properties = new HashMap<>();
        properties.put("cityos.alerting.notify.scheduled", "false");
        properties.put("cityos.alerting.notify.stream.poll", "50ms");
        properties.put("cityos.alerting.notify.sms.city.url", receiver.url("/sms"));
        properties.put(
                "cityos.alerting.notify.sms.city.body-template",
                "{\"mobiles\":\"{phones}\",\"to\":{phoneArray},\"content\":\"{text}\"}");
        properties.put("cityos.alerting.notify.sms.city.headers.X-Api-Token", "sms-token");
        properties.putAll(settings);
        context = ContextFixture.over(dataSource)
                .bean(Clock.class, clock)
                .bean(PlatformTransactionManager.class, transactions)
                .bean(EventBus.class, new HandDrivenBus(bus))
                .bean(JavaMailSender.class, mailSender(smtp.getSmtp().getPort()))
                .properties(properties)
                .start(Wiring.class);
        channels = context.getBean(NotificationChannels.class);
        dispatcher = context.getBean(NotificationDispatcher.class);
        stream = context.getBean(AlarmStream.class);
    }

    NotifyFixture() {
        this(Map.of());
    }

    static Actor actor(String id, Role role, DivisionCode... scope) {
        return new Actor(id, ActorKind.USER, id, Set.of(role), List.of(scope), Set.of(), false);
    }

    static JavaMailSender mailSender(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        mail.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return mail;
    }

    /** An alarm of {@code rule} in {@code division}; a fresh alarm id each call. */
    static AlarmFacts alarm(Severity severity, String division, RuleId rule) {
        return new AlarmFacts(
                AlarmId.random(),
                rule,
                "积水监测",
                null,
                RuleKind.THRESHOLD,
                severity,
                "dev-1",
                "dev-1",
                "water-level",
                division,
                GeoPoint.of(116.34, 39.73),
                "积水 0.6 m",
                "水位 0.6 m 超过 0.5 m",
                Instant.parse("2026-11-24T07:59:00Z"),
                0,
                0);
    }

    /** Publishes in a transaction, as the engine does. */
    void publish(DomainEvent... events) {
        tx.executeWithoutResult(s -> {
            for (DomainEvent e : events) {
                bus.publish(e);
            }
        });
    }

    /** Runs the outbox until it has nothing due: the notification consumers see every published event. */
    /**
     * Delivers every event published so far. The bus's own relay thread runs too, and a delivery it holds is
     * skipped by {@code runOnce}: so also wait until no event is unfanned and no delivery is still unattempted.
     */
    void deliverEvents() {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        do {
            while (bus.runOnce() > 0) {
                // keep going
            }
        } while (undelivered() > 0 && System.nanoTime() < giveUp);
    }

    private long undelivered() {
        return count("SELECT (SELECT count(*) FROM outbox_event WHERE NOT fanned_out)"
                + " + (SELECT count(*) FROM outbox_delivery WHERE status = 'PENDING' AND attempts = 0)");
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    MockMvc mvc(Actor[] current) {
        return ProblemMvc.standalone(
                messages(),
                FixedActorResolver.of(current),
                context.getBean(ChannelController.class),
                context.getBean(NotificationController.class),
                context.getBean(AlarmStreamController.class));
    }

    static ResourceBundleMessageSource messages() {
        return ProblemMvc.messages("i18n/alerting-notify/messages");
    }

    @Override
    public void close() {
        context.close();
        bus.stop();
        smtp.stop();
        receiver.close();
        database.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement(proxyTargetClass = true)
    @Import({
        ChannelRepository.class,
        NotificationRepository.class,
        NotificationFlapRepository.class,
        NotificationFeedRepository.class,
        NotificationConfiguration.class,
        ChannelController.class,
        NotificationController.class,
        AlarmStreamController.class
    })
    static class Wiring {
        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        AuditTrail auditTrail(DataSource dataSource, Clock clock) {
            // Only recording is exercised here; chaining and verification are the audit module's tests.
            return new AuditTrail(
                    new AuditRecordStore(dataSource, JsonMapper.builder().build()), null, null, null, null, clock);
        }
    }

    /** The outbox bus, minus its lifecycle: the context must not start the relay thread. */
    private record HandDrivenBus(OutboxEventBus bus) implements EventBus {
        @Override
        public void publish(DomainEvent event) {
            bus.publish(event);
        }

        @Override
        public <E extends DomainEvent> void subscribe(String name, Class<E> type, EventConsumer<E> consumer) {
            bus.subscribe(name, type, consumer);
        }
    }
}
