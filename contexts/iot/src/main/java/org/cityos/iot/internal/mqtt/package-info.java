/** MQTT edges of ingest: the embedded device endpoint's handler and the external-broker subscriber. */
package org.cityos.iot.internal.mqtt;
