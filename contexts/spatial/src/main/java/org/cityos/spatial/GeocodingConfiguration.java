package org.cityos.spatial;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Turns on the typed configuration of the gazetteer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GazetteerProperties.class)
public class GeocodingConfiguration {}
