package org.cityos.iot;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Turns on the video channel settings ({@code cityos.iot.video.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VideoChannelProperties.class)
public class VideoChannelConfiguration {}
