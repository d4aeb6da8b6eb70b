package org.cityos.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** An in-JVM broker for each test class, and a fresh record log and batch consumer on it for each test. */
abstract class BrokerTest {
    static TestBroker broker;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    KafkaRecordLog log;
    KafkaBatchConsumer consumers;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void openLog() {
        log = new KafkaRecordLog(broker.settings(), meters);
        consumers = new KafkaBatchConsumer(broker.settings(), meters);
    }

    @AfterEach
    void closeLog() {
        consumers.stop();
        log.close();
    }
}
