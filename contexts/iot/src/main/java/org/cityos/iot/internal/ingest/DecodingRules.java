package org.cityos.iot.internal.ingest;

/** Where the decoder finds how to read a type's or an integration's payloads. */
public interface DecodingRules {
    DecodingRule forType(String typeCode);

    /** The integration's own rule, or — when it has none — the device type's. */
    DecodingRule forIntegration(String integrationId, String typeCode);
}
