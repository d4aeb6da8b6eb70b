package org.cityos.iot;

/** STUB until the normalise branch merges. */
public enum PayloadForm {
    KEY_VALUES,
    NGSI_V2,
    NGSI_LD,
    CSV,
    MAPPED
}
