package org.cityos.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits.
 *
 * @param maxBodySize largest JSON/text request body; larger ones get 413
 * @param maxUploadSize largest multipart upload (imports, photos)
 * @param problemBaseUri prefix of every problem {@code type}; the suffix is the stable slug
 */
@ConfigurationProperties("cityos.http")
public record HttpProperties(DataSize maxBodySize, DataSize maxUploadSize, String problemBaseUri) {
    public HttpProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(50) : maxUploadSize;
        problemBaseUri = problemBaseUri == null ? "https://cityos.org/problems/" : problemBaseUri;
    }
}
