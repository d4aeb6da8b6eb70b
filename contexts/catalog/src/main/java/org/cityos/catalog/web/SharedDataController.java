package org.cityos.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.cityos.catalog.ShareCallProblems.CallsLimited;
import org.cityos.catalog.SharedData;
import org.cityos.catalog.SharedRows;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shared-data API, authenticated by the grant's key in {@code X-Share-Key} alone (no user session; see {@link
 * SharePaths}). A separate header, not {@code Authorization}, so the platform's user-credential filter leaves it be.
 */
@RestController
public class SharedDataController {
    public static final String KEY_HEADER = "X-Share-Key";
    private final SharedData data;

    public SharedDataController(SharedData data) {
        this.data = data;
    }

    /**
     * @param fields comma-separated granted fields to return (all granted when absent)
     */
    @GetMapping(path = "/api/share/v1/{grantId}/rows", produces = MediaType.APPLICATION_JSON_VALUE)
    public SharedRows rows(
            @PathVariable String grantId,
            @RequestHeader(name = KEY_HEADER, required = false) String key,
            @RequestParam(required = false) String fields,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            HttpServletResponse response) {
        List<String> wanted = fields == null || fields.isBlank()
                ? List.of()
                : Arrays.stream(fields.split(",")).map(String::strip).toList();
        try {
            return data.rows(grantId, key == null ? null : key.strip(), wanted, offset, limit);
        } catch (CallsLimited e) {
            // Set before the problem advice writes the body; it does not reset the response's headers.
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            throw e;
        }
    }
}
