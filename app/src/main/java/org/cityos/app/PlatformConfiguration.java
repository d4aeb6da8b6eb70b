package org.cityos.app;

import java.time.Clock;
import java.util.List;
import org.cityos.http.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every context shares that belong to no context: the clock, and the paths the platform serves openly. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /** The one clock; tests replace it with a controllable one instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The OpenAPI document and its UI, health probes and the cockpit's static files are public. */
    @Bean
    PublicPaths platformPublicPaths() {
        return () -> List.of(
                "/v3/api-docs",
                "/v3/api-docs/**",
                "/swagger-ui.html",
                "/swagger-ui/**",
                "/actuator/health",
                "/actuator/health/**",
                "/actuator/info");
    }
}
