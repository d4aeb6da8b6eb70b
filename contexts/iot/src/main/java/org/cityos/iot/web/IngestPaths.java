package org.cityos.iot.web;

import java.util.List;
import org.cityos.http.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Device ingest authenticates devices and integrations itself, by their own tokens, not as users. */
@Configuration(proxyBeanMethods = false)
public class IngestPaths {
    @Bean
    PublicPaths ingestPublicPaths() {
        return () -> List.of("/api/ingest/**", "/api/v1/*/telemetry", "/api/v1/*/attributes");
    }
}
