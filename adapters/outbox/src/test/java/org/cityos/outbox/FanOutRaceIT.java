package org.cityos.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.cityos.outbox.TestEvents.SensorSilenced;
import org.cityos.outbox.internal.EventTypes;
import org.cityos.outbox.internal.FanOut;
import org.cityos.outbox.internal.Subscriptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A consumer that subscribes while a fan-out is under way, and then publishes an event, must get a
 * delivery of it: the fan-out may not mark the event done with the consumer list it read before.
 */
class FanOutRaceIT {
    private OutboxDatabase db;

    @BeforeEach
    void setUp() {
        db = OutboxDatabase.create();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aConsumerSubscribedDuringAFanOutGetsTheEventsItThenPublished() {
        Subscriptions subscriptions = new Subscriptions();
        subscriptions.add("early", SensorSilenced.class, (event, metadata) -> {});
        AtomicBoolean raced = new AtomicBoolean();
        // Between the fan-out reading the consumer list and its statement running: a new consumer
        // subscribes and an event is committed on another connection.
        DataSource racing = beforeFanOutStatement(db.dataSource, () -> {
            if (raced.compareAndSet(false, true)) {
                subscriptions.add("late", SensorSilenced.class, (event, metadata) -> {});
                db.jdbc
                        .sql("""
                                INSERT INTO outbox_event (event_id, type, key, payload, occurred_at)
                                VALUES (gen_random_uuid(), :type, 'aq-1', '{"sensorId":"aq-1"}', now())
                                """)
                        .param("type", EventTypes.nameOf(SensorSilenced.class))
                        .update();
            }
        });
        FanOut fanOut = new FanOut(
                JdbcClient.create(racing), new DataSourceTransactionManager(racing), db.clock, subscriptions, 100);

        fanOut.fanOutAll();

        assertThat(raced).isTrue();
        assertThat(db.jdbc
                        .sql("SELECT consumer FROM outbox_delivery ORDER BY consumer")
                        .query(String.class)
                        .list())
                .containsExactly("early", "late");
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE NOT fanned_out"))
                .isZero();
    }

    private static DataSource beforeFanOutStatement(DataSource target, Runnable hook) {
        return (DataSource) Proxy.newProxyInstance(
                FanOutRaceIT.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    return result instanceof Connection connection ? hooked(connection, hook) : result;
                });
    }

    private static Connection hooked(Connection target, Runnable hook) {
        return (Connection) Proxy.newProxyInstance(
                FanOutRaceIT.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")
                            && args[0] instanceof String sql
                            && sql.contains("INSERT INTO outbox_delivery")) {
                        hook.run();
                    }
                    return invoke(method, target, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
