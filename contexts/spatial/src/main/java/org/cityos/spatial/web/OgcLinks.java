package org.cityos.spatial.web;

import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Absolute links of the OGC API, built from the request so they work behind any host name. */
final class OgcLinks {
    static final String JSON = "application/json";
    static final String GEO_JSON = "application/geo+json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    private final JsonMapper json;
    private final ArrayNode links;

    OgcLinks(JsonMapper json) {
        this.json = json;
        this.links = json.createArrayNode();
    }

    /** The application root (context path), without a trailing slash. */
    static UriComponentsBuilder root() {
        return ServletUriComponentsBuilder.fromCurrentContextPath();
    }

    static String href(String... segments) {
        return root().pathSegment(segments).build().encode().toUriString();
    }

    /** The current request's URL with some query parameters replaced (null removes one). */
    static String current(Map<String, Object> replaced) {
        UriComponentsBuilder b = ServletUriComponentsBuilder.fromCurrentRequest();
        for (Map.Entry<String, Object> e : replaced.entrySet()) {
            if (e.getValue() == null) {
                b.replaceQueryParam(e.getKey());
            } else {
                b.replaceQueryParam(e.getKey(), e.getValue());
            }
        }
        return b.build().toUriString();
    }

    OgcLinks add(String href, String rel, String type, String title) {
        ObjectNode link = json.createObjectNode();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        if (title != null) {
            link.put("title", title);
        }
        links.add(link);
        return this;
    }

    ArrayNode array() {
        return links;
    }

    static List<String> conformance() {
        return List.of(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    }
}
