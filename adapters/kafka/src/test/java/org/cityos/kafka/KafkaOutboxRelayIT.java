package org.cityos.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;
import org.cityos.outbox.EventProperties;
import org.cityos.outbox.OutboxEventBus;
import org.cityos.testkit.FreePorts;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

class KafkaOutboxRelayIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestBroker broker;

    @EventType("test.pump-started")
    record PumpStarted(String pumpId, int flowLitresPerMinute) implements DomainEvent {
        @Override
        public String key() {
            return pumpId;
        }
    }

    private final MutableClock clock = MutableClock.at("2026-11-25T02:00:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private HikariDataSource dataSource;
    private TransactionTemplate tx;
    private JdbcClient jdbc;
    private OutboxEventBus bus;
    private KafkaRecordLog log;
    private KafkaBatchConsumer consumers;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void setUp() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestPostgres.newDatabase());
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/outbox")
                .load()
                .migrate();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        tx = new TransactionTemplate(transactions);
        jdbc = JdbcClient.create(dataSource);
        bus = new OutboxEventBus(dataSource, transactions, clock, EventProperties.defaults());
        consumers = new KafkaBatchConsumer(broker.settings(), meters);
    }

    @AfterEach
    void tearDown() {
        consumers.stop();
        if (log != null) {
            log.close();
        }
        dataSource.close();
    }

    @Test
    void committedEventAppearsInTheEventsTopicWithItsKeyAndHeaders() throws Exception {
        log = new KafkaRecordLog(broker.settings(), meters);
        KafkaOutboxRelay relay = new KafkaOutboxRelay(log, broker.settings()).subscribeTo(bus);
        assertThat(relay.topic()).isEqualTo("test.events");

        tx.executeWithoutResult(s -> bus.publish(new PumpStarted("hp-110115-007", 420)));
        assertThat(bus.runOnce()).isEqualTo(1);

        Collected collected = new Collected();
        consumers.start("test.events", "audit-mirror", collected);
        await().atMost(WAIT).until(() -> collected.count() == 1);
        KafkaRecord record = collected.records().get(0);
        UUID eventId =
                jdbc.sql("SELECT event_id FROM outbox_event").query(UUID.class).single();
        assertThat(record.key()).isEqualTo("hp-110115-007");
        assertThat(record.headers())
                .containsEntry(KafkaOutboxRelay.EVENT_ID, eventId.toString())
                .containsEntry(KafkaOutboxRelay.EVENT_TYPE, "test.pump-started")
                .containsEntry(KafkaOutboxRelay.OCCURRED_AT, "2026-11-25T02:00:00Z")
                .containsEntry(KafkaOutboxRelay.CONTENT_TYPE, "application/json");
        assertThat(JsonMapper.builder().build().readValue(record.value(), PumpStarted.class))
                .isEqualTo(new PumpStarted("hp-110115-007", 420));
        assertThat(deliveryStatus()).isEqualTo("DELIVERED");
    }

    @Test
    void eventOfARolledBackTransactionNeverReachesKafka() {
        log = new KafkaRecordLog(broker.settings(), meters);
        new KafkaOutboxRelay(log, broker.settings().withTopicLayout("rollback.", 2)).subscribeTo(bus);

        tx.executeWithoutResult(s -> {
            bus.publish(new PumpStarted("hp-rolled-back", 1));
            s.setRollbackOnly();
        });
        // A committed event after it: once this one is in Kafka, the rolled-back one would be too.
        tx.executeWithoutResult(s -> bus.publish(new PumpStarted("hp-committed", 2)));
        bus.runOnce();

        Collected collected = new Collected();
        consumers.start("rollback.events", "audit-mirror", collected);
        await().atMost(WAIT).until(() -> collected.count() >= 1);
        assertThat(collected.records()).extracting(KafkaRecord::key).containsExactly("hp-committed");
    }

    @Test
    void unreachableKafkaLeavesTheDeliveryToTheOutboxRetries() {
        KafkaSettings nowhere = KafkaSettings.of("127.0.0.1:" + FreePorts.next())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
        log = new KafkaRecordLog(nowhere, meters);
        new KafkaOutboxRelay(log, nowhere).subscribeTo(bus);

        tx.executeWithoutResult(s -> bus.publish(new PumpStarted("hp-110115-008", 300)));
        long started = System.nanoTime();
        assertThat(bus.runOnce()).isEqualTo(1);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        Map<String, Object> delivery = jdbc.sql("SELECT status, attempts, last_error FROM outbox_delivery")
                .query()
                .singleRow();
        assertThat(delivery).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) delivery.get("last_error")).contains("cityos.events");
    }

    private String deliveryStatus() {
        return jdbc.sql("SELECT status FROM outbox_delivery")
                .query(String.class)
                .single();
    }
}
