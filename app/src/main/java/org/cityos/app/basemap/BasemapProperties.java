package org.cityos.app.basemap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An optional tile source drawn under CityOS's own map layers.
 *
 * @param tileUrl a raster tile URL template with {@code {z}}, {@code {x}} and {@code {y}} (an intranet tile server:
 *     CityOS never reaches the internet by itself); empty for CityOS's own layers only
 * @param attribution the text the tile source's licence asks to show on the map
 */
@ConfigurationProperties("cityos.web.basemap")
public record BasemapProperties(String tileUrl, String attribution) {
    public BasemapProperties {
        tileUrl = tileUrl == null ? "" : tileUrl.strip();
        attribution = attribution == null ? "" : attribution.strip();
    }
}
