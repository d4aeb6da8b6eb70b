package org.cityos.spatial;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deployment's district. Nothing in code assumes Daxing: it is the default data only.
 *
 * @param districtCode the root division ({@code CITYOS_SPATIAL_DISTRICT_CODE})
 * @param districtName its name
 * @param seedDivisions reference list of township-level units loaded into an empty tree (NBS CSV
 *     columns code12, code9, name, county_code, kind_by_code_range); blank = none
 */
@ConfigurationProperties("cityos.spatial")
public record SpatialProperties(String districtCode, String districtName, String seedDivisions) {
    public SpatialProperties {
        districtCode = districtCode == null ? "110115000000" : districtCode;
        districtName = districtName == null ? "大兴区" : districtName;
        seedDivisions = seedDivisions == null
                ? "classpath:reference/divisions/daxing_110115_township_level_2022.csv"
                : seedDivisions;
    }
}
