/** The Netty implementation of the device endpoint: protocol handling per connection, in-flight limits, downlinks. */
package org.cityos.mqtt.server;
