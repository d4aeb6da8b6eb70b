package org.cityos.iot;

/**
 * A management class of city components in the shape of GB/T 30428 (two-digit major class, four-digit
 * subclass); a deployment replaces the seeded sample tree with its own table.
 */
public record DeviceTypeComponentClass(String code, String parentCode, String nameZh, String nameEn) {}
