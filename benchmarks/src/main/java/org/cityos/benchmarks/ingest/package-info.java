/** Device ingest load: ten thousand MQTT connections or HTTP devices at a fixed offered rate (open model), latency from the intended send time, and the brokers measured alone. */
package org.cityos.benchmarks.ingest;
