package org.cityos.workflow;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cityos.testkit.ContextFixture;
import org.cityos.testkit.JdbcWiring;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * One CityOS node's workflow engine as Spring wires it, over a database shared with other nodes: its own context,
 * its own handlers and meters. Closing it is what stopping the node does.
 */
final class WorkflowNode implements AutoCloseable {
    final AnnotationConfigApplicationContext context;
    final Timers timers;
    final Approvals approvals;
    final MeterRegistry meters = new SimpleMeterRegistry();

    WorkflowNode(DataSource dataSource, Clock clock, WorkflowProperties properties, List<Object> handlers) {
        ContextFixture fixture = ContextFixture.over(dataSource)
                .bean(Clock.class, clock)
                .bean(MeterRegistry.class, meters)
                .properties(Map.of(
                        "cityos.workflow.poll", properties.poll().toMillis() + "ms",
                        "cityos.workflow.batch", properties.batch(),
                        "cityos.workflow.threads", properties.threads(),
                        "cityos.workflow.max-attempts", properties.maxAttempts(),
                        "cityos.workflow.backoff", properties.backoff().toMillis() + "ms",
                        "cityos.workflow.backoff-max", properties.backoffMax().toMillis() + "ms",
                        "cityos.workflow.scheduled", properties.scheduled()));
        for (Object handler : handlers) {
            register(fixture, handler);
        }
        context = fixture.start(JdbcWiring.class, WorkflowConfiguration.class);
        timers = context.getBean(Timers.class);
        approvals = context.getBean(Approvals.class);
    }

    /** A node's own connection pool to the shared database; the node's context closes it with itself. */
    static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(6);
        return new HikariDataSource(config);
    }

    @SuppressWarnings("unchecked")
    private static <T> void register(ContextFixture fixture, T handler) {
        fixture.bean((Class<T>) handler.getClass(), handler);
    }

    double counter(String name, String kind) {
        var counter = meters.find(name).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        context.close();
    }
}
