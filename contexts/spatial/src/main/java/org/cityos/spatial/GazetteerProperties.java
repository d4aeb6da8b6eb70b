package org.cityos.spatial;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The synthetic gazetteer of the demo district.
 *
 * @param seed makes roads and addresses reproducible ({@code CITYOS_SPATIAL_GAZETTEER_SEED})
 * @param addresses how many addresses to generate (demo 10,000; seed scale 180,000)
 * @param enabled whether startup seeds an empty gazetteer
 * @param cityName the city prefix people write before the district (北京市), for the address parser
 * The outline and town seats are the district's, from {@link SpatialProperties}.
 */
@ConfigurationProperties("cityos.spatial.gazetteer")
public record GazetteerProperties(Long seed, Integer addresses, Boolean enabled, String cityName) {
    public GazetteerProperties {
        seed = seed == null ? 20261124L : seed;
        addresses = addresses == null ? 10_000 : addresses;
        enabled = enabled == null ? Boolean.TRUE : enabled;
        cityName = cityName == null ? "北京市" : cityName;
    }
}
