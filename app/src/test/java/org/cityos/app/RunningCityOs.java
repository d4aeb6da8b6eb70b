package org.cityos.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** CityOS started in this JVM as its main class would start it, for restart and external-database tests. */
final class RunningCityOs implements AutoCloseable {
    final ConfigurableApplicationContext context;
    final Api api;

    private RunningCityOs(ConfigurableApplicationContext context) {
        this.context = context;
        this.api =
                new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static RunningCityOs start(Path keyFile, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", "0");
        all.putIfAbsent("cityos.iot.mqtt.port", "0");
        all.putIfAbsent("cityos.db.username", "postgres");
        all.put("cityos.audit.signing-key-file", keyFile.toString());
        all.putIfAbsent(
                "cityos.catalog.signing-key-file",
                keyFile.resolveSibling("catalog-ledger.key").toString());
        all.putIfAbsent("cityos.identity.demo", "true");
        all.put("cityos.identity.bcrypt-strength", "4");
        // As command-line arguments, so they outrank application.yml exactly as an operator's would.
        String[] args = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CityOs.class).run(args);
        return new RunningCityOs(context);
    }

    @Override
    public void close() {
        context.close();
    }
}
