/** MQTT for devices: the Netty device endpoint that acknowledges only after its handler has stored, and a Netty client for external brokers and load. */
package org.cityos.mqtt;
