package org.cityos.casework.web;

import java.util.List;
import org.cityos.http.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Citizens use Open311 apps and follow their own request by its token without an account. */
@Configuration(proxyBeanMethods = false)
public class Open311Paths {
    public static final List<String> PATTERNS = List.of("/open311/**", "/api/public/requests/**");

    @Bean
    PublicPaths open311PublicPaths() {
        return () -> PATTERNS;
    }
}
