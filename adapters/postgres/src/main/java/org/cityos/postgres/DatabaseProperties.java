package org.cityos.postgres;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. With {@code url} blank CityOS starts its own PostgreSQL under
 * {@code dataDirectory}; otherwise it connects to the external server at {@code url}.
 *
 * @param url JDBC URL of an external PostgreSQL 15+ ({@code CITYOS_DB_URL}); blank = embedded
 * @param username user for the external server ({@code CITYOS_DB_USERNAME})
 * @param password password for the external server ({@code CITYOS_DB_PASSWORD})
 * @param dataDirectory where the embedded server keeps its files; survives restarts
 * @param port port of the embedded server on loopback; 0 picks a free one
 * @param maxPoolSize connection pool size
 */
@ConfigurationProperties("cityos.db")
public record DatabaseProperties(
        String url, String username, String password, Path dataDirectory, int port, int maxPoolSize) {

    public DatabaseProperties {
        url = url == null ? "" : url.trim();
        username = username == null || username.isBlank() ? "postgres" : username;
        password = password == null ? "" : password;
        dataDirectory = dataDirectory == null ? Path.of("data", "pg") : dataDirectory;
        maxPoolSize = maxPoolSize <= 0 ? 20 : maxPoolSize;
    }

    public boolean embedded() {
        return url.isEmpty();
    }
}
