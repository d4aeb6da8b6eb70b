package org.cityos.casework.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;

/**
 * The two formats of GeoReport v2: chosen by the resource's extension ({@code /services.json}), else by the Accept
 * header; XML when neither says, since the spec makes XML the required one.
 */
enum Open311Format {
    JSON(".json", MediaType.parseMediaType("application/json;charset=UTF-8")),
    XML(".xml", MediaType.parseMediaType("text/xml;charset=UTF-8"));

    private final String extension;
    private final MediaType mediaType;

    Open311Format(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format a request asks for, from its path's extension or its Accept header. */
    static Open311Format of(HttpServletRequest request) {
        String path = request.getRequestURI().toLowerCase(Locale.ROOT);
        for (Open311Format f : values()) {
            if (path.endsWith(f.extension)) {
                return f;
            }
        }
        return byAccept(request.getHeader("Accept"));
    }

    static Open311Format byAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return XML;
        }
        try {
            List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            // Highest quality first; among equals, the order the client wrote them.
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType t : types) {
                if (t.isCompatibleWith(MediaType.APPLICATION_JSON) && !t.isWildcardType()) {
                    return JSON;
                }
                if (t.getSubtype().equals("xml")) {
                    return XML;
                }
            }
        } catch (IllegalArgumentException e) {
            return XML;
        }
        return XML;
    }

    /** A path value without the format extension it may carry ({@code 2026…0001.json} → {@code 2026…0001}). */
    static String strip(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (Open311Format f : values()) {
            if (lower.endsWith(f.extension)) {
                return value.substring(0, value.length() - f.extension.length());
            }
        }
        return value;
    }
}
