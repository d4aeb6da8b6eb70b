package org.cityos.spatial;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deployment's district. Nothing in code assumes Daxing: it is the default data only.
 *
 * @param districtCode the root division ({@code CITYOS_SPATIAL_DISTRICT_CODE})
 * @param districtName its name
 * @param seedDivisions reference list of township-level units loaded into an empty tree (NBS CSV
 *     columns code12, code9, name, county_code, kind_by_code_range); blank = none
 * @param districtOutline GeoJSON outline of the district (WGS84)
 * @param townSeats CSV (code12,name,lon,lat) of the towns' seats, the sites of the synthetic partition
 * @param syntheticPartition generate the synthetic towns/communities/grids when no boundaries exist
 * @param partitionSeed seed of the synthetic partition (same seed, same partition)
 * @param communities communities/villages in the synthetic partition, in all
 * @param gridsPerCommunity grids per community, on average
 */
@ConfigurationProperties("cityos.spatial")
public record SpatialProperties(
        String districtCode,
        String districtName,
        String seedDivisions,
        String districtOutline,
        String townSeats,
        Boolean syntheticPartition,
        Long partitionSeed,
        Integer communities,
        Integer gridsPerCommunity) {
    public SpatialProperties {
        districtOutline = districtOutline == null
                ? "classpath:reference/boundaries/daxing_110115_county_boundary_osm.geojson"
                : districtOutline;
        townSeats = townSeats == null ? "classpath:reference/divisions/daxing_township_seats_approx.csv" : townSeats;
        syntheticPartition = syntheticPartition == null || syntheticPartition;
        partitionSeed = partitionSeed == null ? 20261124L : partitionSeed;
        communities = communities == null ? 441 : communities;
        gridsPerCommunity = gridsPerCommunity == null ? 5 : gridsPerCommunity;
        districtCode = districtCode == null ? "110115000000" : districtCode;
        districtName = districtName == null ? "大兴区" : districtName;
        seedDivisions = seedDivisions == null
                ? "classpath:reference/divisions/daxing_110115_township_level_2022.csv"
                : seedDivisions;
    }
}
