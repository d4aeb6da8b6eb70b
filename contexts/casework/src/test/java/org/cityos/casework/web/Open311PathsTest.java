package org.cityos.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The security configuration opens exactly the paths contexts declare public: every Open311 resource and the
 * citizen's token view are among them, the operators' catalogue API is not. Formats are chosen as the spec says.
 */
class Open311PathsTest {
    private static final List<PathPattern> OPEN = Open311Paths.PATTERNS.stream()
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private static boolean open(String path) {
        return OPEN.stream().anyMatch(p -> p.matches(PathContainer.parsePath(path)));
    }

    @Test
    void everyPublicResourceIsOpenAndTheAdminApiIsNot() {
        assertThat(new Open311Paths().open311PublicPaths().patterns()).isEqualTo(Open311Paths.PATTERNS);
        for (String path : List.of(
                "/open311/v2/discovery.json",
                "/open311/v2/services.xml",
                "/open311/v2/services/road-damage.json",
                "/open311/v2/requests",
                "/open311/v2/requests/20261125000001.xml",
                "/open311/v2/tokens/0123456789abcdef0123456789abcdef.json",
                "/api/public/requests/0123456789abcdef0123456789abcdef",
                "/api/public/requests/0123456789abcdef0123456789abcdef/rating")) {
            assertThat(open(path)).as(path).isTrue();
        }
        assertThat(open("/api/casework/open311-services/road-damage")).isFalse();
        assertThat(open("/api/casework/cases")).isFalse();
    }

    @Test
    void theAcceptHeaderChoosesWhenThereIsNoExtension() {
        assertThat(Open311Format.byAccept(null)).isEqualTo(Open311Format.XML);
        assertThat(Open311Format.byAccept("application/json")).isEqualTo(Open311Format.JSON);
        assertThat(Open311Format.byAccept("text/xml;q=0.5, application/json")).isEqualTo(Open311Format.JSON);
        assertThat(Open311Format.byAccept("application/json;q=0.2, text/xml")).isEqualTo(Open311Format.XML);
        assertThat(Open311Format.byAccept("*/*")).isEqualTo(Open311Format.XML);
        assertThat(Open311Format.strip("20261125000001.json")).isEqualTo("20261125000001");
        assertThat(Open311Format.strip("road-damage")).isEqualTo("road-damage");
    }

    @Test
    void datetimesAreIso8601WithTheBeijingOffset() {
        java.time.Instant at = java.time.Instant.parse("2026-11-24T01:00:00Z");
        assertThat(Open311Controller.datetime(at)).isEqualTo("2026-11-24T09:00:00+08:00");
        assertThat(Open311Controller.datetime("start_date", "2026-11-24T09:00:00+08:00"))
                .isEqualTo(at);
        assertThat(Open311Controller.datetime("start_date", "2026-11-24T01:00:00Z"))
                .isEqualTo(at);
        assertThat(Open311Controller.datetime("start_date", "2026-11-24T09:00:00"))
                .isEqualTo(at);
    }
}
