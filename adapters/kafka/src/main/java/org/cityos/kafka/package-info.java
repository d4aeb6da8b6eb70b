/** Kafka as the scale-out bus: the outbox relayed to topics, and keyed record logs consumed by groups. */
package org.cityos.kafka;
