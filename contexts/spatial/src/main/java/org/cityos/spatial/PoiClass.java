package org.cityos.spatial;

/**
 * One class of the POI catalogue (学校, 医院…): a stable code, names in both languages and a hint for
 * the map's icon and colour. The catalogue is data, edited through the API.
 */
public record PoiClass(
        String code, String nameZh, String nameEn, String icon, String colour, int sortOrder, int version) {}
