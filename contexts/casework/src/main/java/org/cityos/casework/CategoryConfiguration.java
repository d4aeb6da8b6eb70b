package org.cityos.casework;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the category settings; the category beans themselves are components. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CategoryProperties.class)
public class CategoryConfiguration {}
