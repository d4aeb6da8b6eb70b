package org.cityos.iot;

/** The shapes of telemetry payload the normaliser reads; see {@code docs/payloads.md} for an example of each. */
public enum PayloadForm {
    /** {@code {"pm25": 35}}, ThingsBoard's {@code {"ts": …, "values": {…}}}, or an array of either. */
    KEY_VALUES,
    /** A FIWARE NGSI v2 entity, keyValues or normalized. */
    NGSI_V2,
    /** An NGSI-LD entity, keyValues or normalized, with {@code unitCode} conversion. */
    NGSI_LD,
    /** Lines of delimited values, columns named by the mapping's {@code csv} settings or a header line. */
    CSV,
    /** Any JSON shape, read by the declarative rules of a {@link PayloadMapping}. */
    MAPPED
}
