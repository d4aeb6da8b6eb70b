package org.cityos.iot;

/** A freshly issued integration token ({@code coi_…}), shown this once; only its digest is kept. */
public record IntegrationCredential(Integration integration, String token) {
    @Override
    public String toString() {
        return "IntegrationCredential[" + integration.id() + "]";
    }
}
