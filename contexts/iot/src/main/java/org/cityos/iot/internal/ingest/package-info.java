/** The telemetry hot path: decoding, the inbound logs (queue or Kafka), batched storage, latest state and health. */
package org.cityos.iot.internal.ingest;
