package org.cityos.spatial;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Turns on the spatial context's typed configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpatialProperties.class)
public class SpatialConfiguration {}
