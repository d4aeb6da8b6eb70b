package org.cityos.iot;

/**
 * One entry of a GB/T 28181 code table (industry, device type or network), with its names.
 *
 * @param frontEnd for device types: a video channel may carry this type (cameras, encoders, recorders)
 */
public record Gb28181Code(String part, String code, String nameZh, String nameEn, boolean frontEnd) {}
