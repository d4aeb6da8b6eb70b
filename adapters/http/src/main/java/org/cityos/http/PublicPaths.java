package org.cityos.http;

import java.util.List;

/**
 * Paths a context deliberately serves without authentication (the OpenAPI document, citizen intake,
 * device ingest that authenticates devices itself). Everything not declared here requires a user or
 * an API key.
 */
public interface PublicPaths {
    List<String> patterns();
}
