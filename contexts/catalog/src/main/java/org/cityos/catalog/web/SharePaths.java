package org.cityos.catalog.web;

import java.util.List;
import org.cityos.http.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared-data API authenticates callers itself, by the grant's key, not as users. */
@Configuration(proxyBeanMethods = false)
public class SharePaths {
    @Bean
    PublicPaths sharedDataPublicPaths() {
        return () -> List.of("/api/share/v1/**");
    }
}
