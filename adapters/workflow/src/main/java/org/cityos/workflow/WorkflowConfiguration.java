package org.cityos.workflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.cityos.workflow.internal.ApprovalStore;
import org.cityos.workflow.internal.Backoff;
import org.cityos.workflow.internal.TimerFiring;
import org.cityos.workflow.internal.TimerMetrics;
import org.cityos.workflow.internal.TimerRunner;
import org.cityos.workflow.internal.TimerStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assembles the workflow engine over the application's {@link DataSource}: {@link Timers} with this node's runner
 * threads, and {@link Approvals} with its expiry handler. Its tables come from the Flyway location
 * {@code classpath:db/migration/workflow}. Handlers ({@link TimerHandler}, {@link ApprovalHandler}) are looked up on
 * first use, so a handler may itself depend on {@link Timers} or {@link Approvals}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkflowProperties.class)
public class WorkflowConfiguration {

    @Bean
    TimerStore workflowTimerStore(DataSource dataSource) {
        return new TimerStore(JdbcClient.create(dataSource));
    }

    @Bean
    TimerMetrics workflowTimerMetrics(
            ObjectProvider<MeterRegistry> registry, TimerStore store, ObjectProvider<Clock> clock) {
        TimerMetrics metrics = new TimerMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
        metrics.bindBacklog(store, clock.getIfAvailable(Clock::systemUTC));
        return metrics;
    }

    @Bean
    TimerFiring workflowTimerFiring(
            TimerStore store,
            PlatformTransactionManager transactions,
            ObjectProvider<TimerHandler> handlers,
            ObjectProvider<Clock> clock,
            WorkflowProperties properties,
            TimerMetrics metrics) {
        return new TimerFiring(
                store,
                transactions,
                byKind(handlers::orderedStream, TimerHandler::kind, "TimerHandler"),
                clock.getIfAvailable(Clock::systemUTC),
                new Backoff(properties.backoff(), properties.backoffMax()),
                properties.maxAttempts(),
                properties.batch(),
                metrics);
    }

    @Bean
    TimerRunner workflowTimerRunner(TimerFiring firing, ObjectProvider<Clock> clock, WorkflowProperties properties) {
        return new TimerRunner(
                firing,
                clock.getIfAvailable(Clock::systemUTC),
                properties.poll(),
                properties.threads(),
                properties.scheduled());
    }

    @Bean
    Timers timers(TimerStore store, TimerFiring firing, TimerRunner runner, ObjectProvider<Clock> clock) {
        return new Timers(store, firing, runner, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Approvals approvals(
            DataSource dataSource,
            Timers timers,
            ObjectProvider<ApprovalHandler> handlers,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        return new Approvals(
                new ApprovalStore(JdbcClient.create(dataSource)),
                timers,
                byKind(handlers::orderedStream, ApprovalHandler::kind, "ApprovalHandler"),
                new TransactionTemplate(transactions),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    TimerHandler workflowApprovalExpiry(Approvals approvals) {
        return new ApprovalExpiry(approvals);
    }

    /** Handlers by kind, collected once on first use: by then every bean exists, however they depend on us. */
    static <H> Supplier<Map<String, H>> byKind(Supplier<Stream<H>> beans, Function<H, String> kind, String what) {
        return new Supplier<>() {
            private volatile Map<String, H> byKind;

            @Override
            public Map<String, H> get() {
                Map<String, H> known = byKind;
                if (known == null) {
                    Map<String, H> collected = new LinkedHashMap<>();
                    beans.get().forEach(h -> {
                        H previous = collected.putIfAbsent(kind.apply(h), h);
                        if (previous != null) {
                            throw new IllegalStateException(
                                    "two " + what + " beans for kind '" + kind.apply(h) + "': " + previous + ", " + h);
                        }
                    });
                    known = Collections.unmodifiableMap(collected);
                    byKind = known;
                }
                return known;
            }
        };
    }
}
