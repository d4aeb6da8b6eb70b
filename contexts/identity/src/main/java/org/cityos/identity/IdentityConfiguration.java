package org.cityos.identity;

import java.time.Clock;
import org.cityos.identity.internal.CredentialCache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing and the credential cache, configured from {@link IdentityProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(IdentityProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    @Bean
    CredentialCache credentialCache(Clock clock, IdentityProperties properties) {
        return new CredentialCache(clock, properties.credentialCacheTtl());
    }
}
