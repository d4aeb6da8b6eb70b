package org.cityos.app.basemap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The basemap settings the front end needs ({@code GET /api/web/basemap}): nothing secret, so any signed-in user
 * reads them; a URL template without {z}/{x}/{y} is refused at start, not drawn as a blank map later.
 */
@RestController
@EnableConfigurationProperties(BasemapProperties.class)
public class BasemapController {
    private final BasemapView view;

    public BasemapController(BasemapProperties properties) {
        String url = properties.tileUrl();
        if (!url.isEmpty() && !(url.contains("{z}") && url.contains("{x}") && url.contains("{y}"))) {
            throw new IllegalStateException("cityos.web.basemap.tile-url needs {z}, {x} and {y}: " + url);
        }
        this.view = new BasemapView(url.isEmpty() ? null : url, properties.attribution());
    }

    /** What the cockpit draws under its layers: {@code tileUrl} null when CityOS's own layers are the whole map. */
    public record BasemapView(String tileUrl, String attribution) {}

    @GetMapping(path = "/api/web/basemap", produces = MediaType.APPLICATION_JSON_VALUE)
    public BasemapView basemap() {
        return view;
    }
}
