package org.cityos.spatial;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Turns on the POI settings ({@code cityos.spatial.poi.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PoiProperties.class)
public class PoiConfiguration {}
