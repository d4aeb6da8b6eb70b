package org.cityos.iot;

/** How many devices of one type, owned by one department, in one division, are in one state. */
public record InventoryRow(String typeCode, String department, String division, String state, long count) {}
