package org.cityos.iot;

import java.time.Clock;
import org.cityos.iot.internal.registry.CredentialCache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Turns on the device registry settings ({@code cityos.iot.registry.*}) and the node's token cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeviceRegistryProperties.class)
public class DeviceRegistryConfiguration {
    @Bean
    CredentialCache deviceCredentialCache(DeviceRegistryProperties properties, Clock clock) {
        return new CredentialCache(properties.credentialCacheTtl(), clock);
    }
}
