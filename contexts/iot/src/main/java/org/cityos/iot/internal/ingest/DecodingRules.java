package org.cityos.iot.internal.ingest;

/** Where the decoder finds how to read a type's or an integration's payloads. */
public interface DecodingRules {
    DecodingRule forType(String typeCode);

    DecodingRule forIntegration(String integrationId);
}
