package org.cityos.spatial;

/** What a data steward sends to add or change a POI class; {@code code} is fixed once created. */
public record PoiClassDraft(String code, String nameZh, String nameEn, String icon, String colour, Integer sortOrder) {}
