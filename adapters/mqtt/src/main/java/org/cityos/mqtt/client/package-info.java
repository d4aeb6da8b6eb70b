/** A lean Netty MQTT 3.1.1 client for external brokers and load: many connections on one event loop group, QoS 1 with manual acknowledgement. */
package org.cityos.mqtt.client;
