package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Streamed exports end properly: the body is written on an async dispatch, which must not be refused as
 * unauthenticated after the first bytes went out (the chunked answer would then lack its last chunk, which
 * strict clients such as Java's HTTP client report as an error).
 */
class StreamedExportsSystemTest extends SystemTest {
    @ParameterizedTest
    @CsvSource({
        "admin, /api/devices/export",
        "admin, /api/inventory/export",
        "admin, /api/pois/export",
        "auditor, /api/audit/export"
    })
    void anExportIsStreamedToItsEnd(String user, String path) throws IOException, InterruptedException {
        String token = api.login(user, DEMO_PASSWORD);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).isNotBlank();
    }
}
