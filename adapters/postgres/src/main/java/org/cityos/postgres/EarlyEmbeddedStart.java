package org.cityos.postgres;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the application context exists, so
 * that the server (initdb on a first start) comes up while Spring builds the web server and the rest of
 * the context, instead of after them. The data source waits for it. Does nothing in external mode.
 */
public final class EarlyEmbeddedStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    static final String BEAN = "cityosEarlyEmbeddedPostgres";

    /**
     * The server being started. {@link DatabaseConfiguration} takes it over; if the context fails or
     * closes before that, the server is stopped here so no PostgreSQL is left running.
     */
    public static final class Pending implements DisposableBean {
        private final CompletableFuture<EmbeddedPostgresServer> server;
        private final AtomicBoolean taken = new AtomicBoolean();

        Pending(CompletableFuture<EmbeddedPostgresServer> server) {
            this.server = server;
        }

        EmbeddedPostgresServer take() {
            taken.set(true);
            try {
                return server.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        @Override
        public void destroy() {
            if (!taken.get()) {
                server.thenAccept(EmbeddedPostgresServer::close);
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        DatabaseProperties properties = Binder.get(context.getEnvironment())
                .bind("cityos.db", DatabaseProperties.class)
                .orElseGet(() -> new DatabaseProperties(null, null, null, null, 0, 0));
        if (!properties.embedded() || context.getBeanFactory().containsSingleton(BEAN)) {
            return;
        }
        CompletableFuture<EmbeddedPostgresServer> server = CompletableFuture.supplyAsync(
                () -> EmbeddedPostgresServer.start(properties.dataDirectory(), properties.port()), r -> {
                    Thread t = new Thread(r, "cityos-postgres-start");
                    t.setDaemon(true);
                    t.start();
                });
        Pending pending = new Pending(server);
        context.getBeanFactory().registerSingleton(BEAN, pending);
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
            factory.registerDisposableBean(BEAN, pending);
        }
    }
}
