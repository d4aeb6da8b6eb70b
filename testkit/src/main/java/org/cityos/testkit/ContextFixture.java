package org.cityos.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the small Spring context a test fixture wires its context's services in, over the fixture's database:
 * the {@link DataSource} bean, objects the test keeps a hand on (its clock, its event bus) registered as they are,
 * and properties that win over every other source. The fixture names the configurations (often with
 * {@link JdbcWiring}) and closes the context.
 *
 * <pre>{@code
 * context = ContextFixture.over(database.dataSource()).bean(Clock.class, clock).start(Wiring.class);
 * }</pre>
 */
public final class ContextFixture {
    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private ContextFixture(DataSource dataSource) {
        bean(DataSource.class, dataSource);
    }

    public static ContextFixture over(DataSource dataSource) {
        return new ContextFixture(dataSource);
    }

    /** Registers {@code instance} as the bean of {@code type}: Spring injects it but does not create it. */
    public <T> ContextFixture bean(Class<T> type, T instance) {
        context.registerBean(type, () -> instance);
        return this;
    }

    public ContextFixture properties(Map<String, ?> values) {
        properties.putAll(values);
        return this;
    }

    /** Registers the configurations and refreshes: every singleton is created on return. */
    public AnnotationConfigApplicationContext start(Class<?>... configurations) {
        if (!properties.isEmpty()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fixture", properties));
        }
        context.register(configurations);
        context.refresh();
        return context;
    }
}
